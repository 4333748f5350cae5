/// How a test came out.
public enum DataTestStatus: String, Sendable, Hashable {
    case pass, warn, fail
}

/// One test's outcome: what `test` prints and what stops a script.
public struct DataTestResult: Sendable, Hashable {
    public var name: String
    /// Rows written to `test_failures`: failing rows, or for `unique` the values held more than once.
    public var failures: Int
    public var status: DataTestStatus

    public init(name: String, failures: Int, status: DataTestStatus) {
        self.name = name
        self.failures = failures
        self.status = status
    }
}
