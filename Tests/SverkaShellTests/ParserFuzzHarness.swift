import SverkaShell
import SverkaSyntax

/// What the parser must do with any bytes, parsed as a whole script against the real command
/// registry exactly as `sverka run` parses a file before running it: return a script or a
/// list of errors, each pointing inside the text and rendering with its caret. Shared, as one
/// file, by the libFuzzer target (Fuzz/Sources/fuzz-parser links to it), which crashes on a
/// problem, and by FuzzRegressionTests, which replays every saved input.
enum ParserFuzzHarness {
    /// Every broken rule, as a sentence; empty when the input was handled.
    static func problems(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let source = SourceText(name: "fuzz.sv", text: String(decoding: bytes, as: UTF8.self))
        do {
            _ = try Parser(grammar: CommandRegistry.standard).parse(source)
            return []
        } catch {
            guard !error.diagnostics.isEmpty else { return ["the parser failed without saying why"] }
            var problems: [String] = []
            let renderer = DiagnosticRenderer()
            for diagnostic in error.diagnostics {
                if let span = diagnostic.span, span.end > source.bytes.count {
                    problems.append("diagnostic '\(diagnostic.message)' points past the text: \(span), \(source.bytes.count) bytes")
                }
                _ = renderer.render(diagnostic, in: source)
            }
            return problems
        }
    }
}
