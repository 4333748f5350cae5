/// A sink that collects everything written to it in memory (tests, captured output).
public final class StringSink: TextSink {
    /// Everything written so far.
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }
}
