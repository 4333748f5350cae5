/// One recorded run of a script (`_sverka_runs`): what ran, with which parameters, how it ended.
public struct RunRecord: Sendable, Equatable {
    public enum Status: String, Sendable {
        case running, succeeded, failed
        /// An `expect` or a data test stopped it (exit code 3).
        case expectationFailed = "expectation_failed"
        /// SIGINT or SIGTERM stopped it at a statement boundary.
        case interrupted
        /// Found `running` with its process gone: killed (SIGKILL, power loss) mid-run.
        case killed
    }

    public var id: Int64
    public var script: String
    /// `name=value` pairs as given, one per line.
    public var parameters: String
    public var startedAt: String
    public var endedAt: String?
    public var status: Status
    public var statements: Int
    public var rowsLoaded: Int
    public var itemsSynced: Int
    public var error: String?
    public var isDryRun: Bool
    public var processID: Int32
    public var user: String
}

/// One statement of a recorded run (`_sverka_run_statements`).
public struct RunStatementRecord: Sendable, Equatable {
    public var sequence: Int
    /// The file (or `-c`, `<stdin>`, a library script's name) the statement came from.
    public var source: String
    public var line: Int
    public var statement: String
    /// `ok`, `failed`, `expectation_failed`, `skipped` (dry run), `interrupted`.
    public var status: String
    public var seconds: Double
    public var error: String?

    public init(sequence: Int, source: String, line: Int, statement: String, status: String, seconds: Double, error: String?) {
        self.sequence = sequence
        self.source = source
        self.line = line
        self.statement = statement
        self.status = status
        self.seconds = seconds
        self.error = error
    }
}
