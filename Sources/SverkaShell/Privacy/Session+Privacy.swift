import SverkaEngine

extension Session {
    /// The renderer of the session's format, masking each row first when `set mask` is on.
    func makeMaskingRenderer() -> any ResultRenderer {
        MaskingRenderer(makeRenderer(settings.render, sink: output)) { [privacy] columns in privacy.masking(for: columns) }
    }
}
