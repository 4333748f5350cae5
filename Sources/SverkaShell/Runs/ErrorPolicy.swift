/// What a failing statement means for the rest of its script (`on error continue|stop`).
public enum ErrorPolicy: String, Sendable {
    /// The default: the script stops at the first failure (exit code 1).
    case stop
    /// The failure is reported and recorded, the script goes on, and it still exits 1 at the end.
    case `continue`
}
