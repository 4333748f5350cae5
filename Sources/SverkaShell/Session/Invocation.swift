/// What the command line asked for, after its words and options were checked.
public struct Invocation: Sendable {
    public enum Mode: Sendable, Equatable {
        /// The interactive shell when stdin is a terminal; otherwise stdin is the script.
        case interactiveOrStdin
        /// `-c 'STATEMENTS'`.
        case statements(String)
        /// `run SCRIPT`: a file, or a script of the workspace's library.
        case script(path: String)
        /// `run SCRIPT --help`: the script's parameters.
        case scriptHelp(path: String)
    }

    public var mode: Mode
    public var workspacePath: String?
    public var format: OutputFormat?
    /// `--set name=value`, as written; typed when the session starts.
    public var variables: [(String, String)]
    public var runInitFile: Bool
    /// `--log FILE`: JSON lines for every statement and the run.
    public var logPath: String?
    /// `--dry-run`: everything but export and sync … apply.
    public var isDryRun = false
    /// `--wait SECONDS`: how long to wait for another run holding the workspace.
    public var waitSeconds: Double = 0

    public init(mode: Mode, workspacePath: String?, format: OutputFormat?, variables: [(String, String)], runInitFile: Bool) {
        self.mode = mode
        self.workspacePath = workspacePath
        self.format = format
        self.variables = variables
        self.runInitFile = runInitFile
    }
}
