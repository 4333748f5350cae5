import SverkaSyntax

/// The one table of commands: the parser asks it for syntax, `help` for text, completion for
/// words, and the session for handlers. Adding a command is adding an entry here.
public struct CommandRegistry: CommandGrammar {
    public let commands: [CommandSpec]

    public init(_ commands: [CommandSpec]) {
        self.commands = commands
    }

    public static let standard = CommandRegistry(
        SessionCommands.all + DataCommands.all + AttachCommands.all + QueryCommands.all + ScriptCommands.all + ExportCommands.all + MappingCommands.all
            + MatchingCommands.all + ReconcileCommands.all + SyncCommands.all
            + ChartCommands.all + ReportCommands.all
            + ReceivablesCommands.all
            + ProfitCommands.all
            + ModelCommands.all
            + RunCommands.all + ScriptLibraryCommands.all + AuditCommands.all
            + SecretCommands.all
            + DataTestCommands.all
    )

    public func spec(named name: String) -> CommandSpec? {
        commands.first { $0.name == name } ?? commands.first { $0.name == name.lowercased() }
    }

    public func syntax(for name: String) -> CommandSyntax? { spec(named: name)?.syntax }

    public var commandNames: [String] { commands.map(\.name) }
}
