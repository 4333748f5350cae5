import ArgumentParser
import SverkaShell

/// The command line. Options may stand anywhere, before or after `run` and `-c`.
struct SverkaOptions: ParsableArguments {
    static let configuration = CommandConfiguration(
        commandName: "sverka",
        abstract: "A shell for reconciling CRM and accounting data.",
        discussion: """
        sverka                       interactive shell over an in-memory workspace
        sverka FILE                  interactive shell over a workspace file (created when missing)
        sverka run SCRIPT [--set name=value]...   run a script (a file, or a script saved in the workspace)
        sverka run SCRIPT --help     the script's parameters
        sverka -c 'STATEMENTS'       run statements and exit
        … | sverka                   run the script read from stdin

        Scripts run this way are recorded in the workspace ('runs'), lock it against a second run,
        and stop at a statement boundary on SIGINT/SIGTERM.

        Exit codes: 0 success, 1 a statement failed, 2 usage error, 3 an expect or data test did
        not hold, 130/143 stopped by SIGINT/SIGTERM.
        """
    )

    @Argument(help: ArgumentHelp("A workspace file, or 'run' followed by a script.", valueName: "FILE | run SCRIPT"))
    var words: [String] = []

    @Option(name: [.customShort("c")], help: ArgumentHelp("Statements to run, then exit.", valueName: "statements"))
    var command: String?

    @Option(name: [.customShort("w"), .long], help: ArgumentHelp("The workspace file (created when missing).", valueName: "file"))
    var workspace: String?

    @Option(help: ArgumentHelp("Output format: table, csv, json or markdown.", valueName: "format"))
    var format: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Define $name for the script (numbers, dates like 2026-11-30, else text).", valueName: "name=value"))
    var variables: [String] = []

    @Flag(name: .customLong("no-init"), help: "Do not run ~/.sverkarc in the interactive shell.")
    var noInit = false

    @Option(name: .customLong("log"), help: ArgumentHelp("Append one JSON line per statement and per run to this file.", valueName: "file"))
    var logPath: String?

    @Flag(name: .customLong("dry-run"), help: "Run everything but export and sync … apply, which say what they would write.")
    var dryRun = false

    @Option(name: .customLong("wait"), help: ArgumentHelp("Wait up to this many seconds for another run holding the workspace.", valueName: "seconds"))
    var wait: Double?

    /// `run SCRIPT --help` asks for the script's parameters, not sverka's options.
    var wantsScriptHelp = false

    /// What the words and options ask for, checked.
    func invocation() throws(UsageError) -> Invocation {
        var outputFormat: OutputFormat?
        if let format {
            guard let parsed = OutputFormat(rawValue: format.lowercased()) else {
                throw UsageError("unknown format '\(format)'", hint: "use table, csv, json or markdown")
            }
            outputFormat = parsed
        }
        var definitions: [(String, String)] = []
        for definition in variables {
            guard let equals = definition.firstIndex(of: "="), equals != definition.startIndex else {
                throw UsageError("--set needs name=value, not '\(definition)'", hint: "e.g. --set as_of=2026-11-30")
            }
            definitions.append((String(definition[..<equals]), String(definition[definition.index(after: equals)...])))
        }
        var mode: Invocation.Mode
        var workspacePath = workspace
        switch (words.first, command) {
        case ("run"?, nil):
            guard words.count == 2 else {
                throw UsageError(words.count < 2 ? "run needs a script" : "run takes one script, not \(words.count - 1)",
                                 hint: "sverka run SCRIPT [--set name=value]...")
            }
            mode = wantsScriptHelp ? .scriptHelp(path: words[1]) : .script(path: words[1])
        case ("run"?, _?):
            throw UsageError("use either run SCRIPT or -c, not both", hint: nil)
        case (nil, let statements?):
            mode = .statements(statements)
        case (let file?, let statements):
            guard words.count == 1 else {
                throw UsageError("unexpected '\(words[1])'", hint: "sverka [FILE] | sverka run SCRIPT | sverka -c 'STATEMENTS'")
            }
            if workspacePath != nil, workspacePath != file {
                throw UsageError("two workspaces given: '\(file)' and --workspace '\(workspacePath ?? "")'", hint: nil)
            }
            workspacePath = file
            mode = statements.map(Invocation.Mode.statements) ?? .interactiveOrStdin
        case (nil, nil):
            mode = .interactiveOrStdin
        }
        if let wait, !(wait >= 0 && wait <= 86_400) {
            throw UsageError("--wait needs seconds between 0 and 86400, not \(wait)", hint: "e.g. --wait 600")
        }
        var invocation = Invocation(mode: mode, workspacePath: workspacePath, format: outputFormat,
                                    variables: definitions, runInitFile: !noInit)
        invocation.logPath = logPath
        invocation.isDryRun = dryRun
        invocation.waitSeconds = wait ?? 0
        return invocation
    }
}

/// A problem with the command line itself: exit code 2.
struct UsageError: Error {
    var message: String
    var hint: String?

    init(_ message: String, hint: String?) {
        self.message = message
        self.hint = hint
    }
}
