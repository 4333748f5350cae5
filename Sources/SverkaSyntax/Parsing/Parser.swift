/// Turns source text into a `Script`, checking commands against a grammar. It reports every
/// statement's first error, not just the script's first, so a script can be fixed in one go.
public struct Parser: Sendable {
    let grammar: any CommandGrammar

    /// At most this many diagnostics are reported; past it a note says how the list was cut.
    static let diagnosticLimit = 20

    public init(grammar: any CommandGrammar) {
        self.grammar = grammar
    }

    /// Parses a whole script; on errors throws DiagnosticList with every syntax error found
    /// (recovering at the next statement), at most ~20, in source order.
    public func parse(_ source: SourceText) throws(DiagnosticList) -> Script {
        var lexer = Lexer(source)
        var (tokens, lexicalDiagnostics) = lexer.tokenize()
        let ranges = StatementSplitter.split(&tokens)
        var statements: [Statement] = []
        statements.reserveCapacity(ranges.count)
        var syntaxDiagnostics: [Diagnostic] = []
        var stoppedEarly = false
        for range in ranges {
            var parser = StatementParser(tokens: tokens, statement: range, source: source, grammar: grammar)
            do {
                statements.append(try parser.parseStatement())
            } catch {
                if !parser.hasBrokenToken(before: error.span?.start ?? Int.max) {
                    syntaxDiagnostics.append(error)
                }
            }
            if syntaxDiagnostics.count >= Self.diagnosticLimit {
                stoppedEarly = range.tokens.upperBound < tokens.count
                break
            }
        }
        let all = Self.inSourceOrder(lexicalDiagnostics + syntaxDiagnostics)
        guard all.isEmpty else {
            var shown = Array(all.prefix(Self.diagnosticLimit))
            if all.count > Self.diagnosticLimit || stoppedEarly || lexicalDiagnostics.count >= Lexer.diagnosticLimit {
                shown.append(Diagnostic("too many errors; only the first \(Self.diagnosticLimit) are shown"))
            }
            throw DiagnosticList(shown)
        }
        return Script(source: source, statements: statements)
    }

    /// Sorted by where they point, keeping the order found for equal positions.
    private static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { lhs, rhs in
                let left = lhs.element.span?.start ?? Int.max
                let right = rhs.element.span?.start ?? Int.max
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .map(\.element)
    }
}
