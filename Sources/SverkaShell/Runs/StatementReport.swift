import SverkaSyntax

/// What became of one statement of a script, for the run record and the `--log` file.
public struct StatementReport: Sendable {
    public enum Status: String, Sendable {
        case ok, failed
        case expectationFailed = "expectation_failed"
        /// A dry run did not write what it would have.
        case skipped
        case interrupted
    }

    /// 1, 2, … across the whole run, included scripts too.
    public var sequence: Int
    public var sourceName: String
    public var line: Int
    /// The statement's text, with secrets removed.
    public var text: String
    public var status: Status
    public var seconds: Double
    /// The error's message (without the source excerpt), when it failed.
    public var error: String?
}

/// Told about each statement as it finishes: the run record and the log file.
public protocol StatementObserver: AnyObject {
    func statementFinished(_ report: StatementReport, session: Session)
}
