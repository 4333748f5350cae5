/// How a script ended, and the process exit code that says so.
public enum RunOutcome: Sendable, Equatable {
    case success
    /// A statement failed (its message went to stderr); later statements did not run.
    case failed
    /// An `expect` did not hold.
    case expectationFailed

    /// 0 success, 1 a statement failed, 3 an expectation failed (2 is the command line's usage error).
    public var exitCode: Int32 {
        switch self {
        case .success: return 0
        case .failed: return 1
        case .expectationFailed: return 3
        }
    }
}
