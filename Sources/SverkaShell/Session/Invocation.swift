/// What the command line asked for, after its words and options were checked.
public struct Invocation: Sendable {
    public enum Mode: Sendable, Equatable {
        /// The interactive shell when stdin is a terminal; otherwise stdin is the script.
        case interactiveOrStdin
        /// `-c 'STATEMENTS'`.
        case statements(String)
        /// `run SCRIPT`.
        case script(path: String)
    }

    public var mode: Mode
    public var workspacePath: String?
    public var format: OutputFormat?
    /// `--set name=value`, as written; typed when the session starts.
    public var variables: [(String, String)]
    public var runInitFile: Bool

    public init(mode: Mode, workspacePath: String?, format: OutputFormat?, variables: [(String, String)], runInitFile: Bool) {
        self.mode = mode
        self.workspacePath = workspacePath
        self.format = format
        self.variables = variables
        self.runInitFile = runInitFile
    }
}
