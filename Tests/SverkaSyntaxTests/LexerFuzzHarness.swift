import SverkaSyntax

/// What the lexer must do with any bytes, read as a script the way `sverka run` reads a file
/// (UTF-8, bad bytes replaced): return tokens that stay inside the text, never overlap and end
/// with `.end`; diagnostics that point inside the text and render; and an answer from the REPL's
/// "is this line finished?" check. Shared, as one file, by the libFuzzer target
/// (Fuzz/Sources/fuzz-lexer links to it), which crashes on a problem, and by
/// FuzzRegressionTests, which replays every saved input.
enum LexerFuzzHarness {
    /// Every broken rule, as a sentence; empty when the input was handled.
    static func problems(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let source = SourceText(name: "fuzz.sv", text: String(decoding: bytes, as: UTF8.self))
        var lexer = Lexer(source)
        let (tokens, diagnostics) = lexer.tokenize()
        let length = source.bytes.count
        var problems: [String] = []
        if tokens.last?.kind != .end || tokens.last?.span != Span(start: length, end: length) {
            problems.append("the tokens do not end with .end at \(length): \(tokens.last.map { "\($0)" } ?? "none")")
        }
        var previousEnd = 0
        for token in tokens {
            if token.span.start < previousEnd || token.span.end > length {
                problems.append("token \(token.kind) at \(token.span) overlaps the one before (ending at \(previousEnd)) "
                    + "or leaves the text (\(length) bytes)")
            }
            previousEnd = token.span.end
        }
        let renderer = DiagnosticRenderer()
        for diagnostic in diagnostics {
            if let span = diagnostic.span, span.end > length {
                problems.append("diagnostic '\(diagnostic.message)' points past the text: \(span), \(length) bytes")
            }
            _ = renderer.render(diagnostic, in: source)
        }
        _ = StatementCompleteness.needsMoreInput(source.text)
        return problems
    }
}
