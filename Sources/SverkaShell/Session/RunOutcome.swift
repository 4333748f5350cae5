/// How a script ended, and the process exit code that says so.
public enum RunOutcome: Sendable, Equatable {
    case success
    /// A statement failed (its message went to stderr); later statements did not run — or,
    /// under `on error continue`, they did and at least one failed.
    case failed
    /// An `expect` or a data test did not hold.
    case expectationFailed
    /// SIGINT or SIGTERM stopped the run at a statement boundary.
    case interrupted(Int32)

    /// 0 success, 1 a statement failed, 3 an expectation failed, 128 + the signal's number when
    /// stopped by one (130 SIGINT, 143 SIGTERM); 2 is the command line's usage error.
    public var exitCode: Int32 {
        switch self {
        case .success: return 0
        case .failed: return 1
        case .expectationFailed: return 3
        case .interrupted(let signal): return 128 + signal
        }
    }
}
