/// Passes text on to another sink through the session's privacy filter (`SessionPrivacy`).
/// The session wraps its stdout and stderr sinks in these, so that no command can write past it.
final class PrivateTextSink: TextSink {
    enum Stream {
        /// Results: data.
        case output
        /// Messages and errors, which quote statements.
        case messages
    }

    let inner: any TextSink
    private let privacy: SessionPrivacy
    private let stream: Stream

    init(_ inner: any TextSink, privacy: SessionPrivacy, stream: Stream) {
        self.inner = inner
        self.privacy = privacy
        self.stream = stream
    }

    /// `sink` wrapped, unless it already is.
    static func wrapping(_ sink: any TextSink, privacy: SessionPrivacy, stream: Stream) -> any TextSink {
        if let wrapped = sink as? PrivateTextSink, wrapped.privacy === privacy { return wrapped }
        return PrivateTextSink(sink, privacy: privacy, stream: stream)
    }

    func write(_ text: String) {
        inner.write(stream == .output ? privacy.scrubOutput(text) : privacy.scrub(text))
    }

    func flush() {
        inner.flush()
    }
}
