import SverkaSyntax

/// Everything sverka knows about one command: how it is written (which drives the parser's
/// checks and completion), how it is explained (which drives `help`), and what it does.
public struct CommandSpec: Sendable {
    public var syntax: CommandSyntax
    public var group: CommandGroup
    /// One line for the command list.
    public var summary: String
    /// How it is written, e.g. `load "PATH" as NAME [with (option: value, …)]`.
    public var usage: String
    /// Paragraphs for `help NAME`: options, behaviour, what it prints.
    public var details: [String]
    public var examples: [String]
    public var handler: @Sendable (CommandInvocation, Session) throws(Diagnostic) -> CommandOutcome

    public var name: String { syntax.name }

    public init(syntax: CommandSyntax, group: CommandGroup, summary: String, usage: String,
                details: [String] = [], examples: [String] = [],
                handler: @escaping @Sendable (CommandInvocation, Session) throws(Diagnostic) -> CommandOutcome) {
        self.syntax = syntax
        self.group = group
        self.summary = summary
        self.usage = usage
        self.details = details
        self.examples = examples
        self.handler = handler
    }
}

/// The groups `help` lists commands under, in this order.
public enum CommandGroup: String, Sendable, CaseIterable {
    case data = "Data"
    case integration = "Integration"
    /// Profit, receivables and reports: answers that need both systems.
    case analytics = "Analytics"
    case models = "ROI models"
    case query = "Queries"
    case scripts = "Scripts"
    case session = "Session"
}

/// What a command's run means for the script around it.
public enum CommandOutcome: Sendable {
    case done
    /// An `expect` that did not hold: the script stops with exit code 3.
    case expectationFailed(String)
    /// An included script (`run "x.sv"`) ended otherwise than in success: its including script
    /// ends the same way (its messages were already written).
    case stopped(RunOutcome)
}
