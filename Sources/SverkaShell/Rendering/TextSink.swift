/// Where renderers send their text: stdout in the shell, a string in tests.
public protocol TextSink: AnyObject {
    /// Takes the next piece of output; a sink may buffer it.
    func write(_ text: String)
    /// Pushes anything buffered to its destination; renderers call it when a result ends.
    func flush()
}

extension TextSink {
    /// Sinks that do not buffer have nothing to push.
    public func flush() {}
}
