import SverkaSyntax
import XCTest

/// `print "… {$name} …"`: placeholders read from the string as written, errors at the very spot.
final class TextTemplateTests: XCTestCase {
    /// The template of the first string literal in `text`.
    private func template(_ text: String) throws(Diagnostic) -> TextTemplate {
        let source = SourceText(name: "-c", text: text)
        var lexer = Lexer(source)
        guard let token = lexer.tokenize().tokens.first(where: { if case .string = $0.kind { true } else { false } }),
              case .string(let value) = token.kind else {
            throw Diagnostic("no string in \(text)")
        }
        return try TextTemplate(value, writtenAt: token.span, in: source)
    }

    private func error(_ text: String) -> Diagnostic? {
        do {
            _ = try template(text)
            return nil
        } catch {
            return error
        }
    }

    func testVariablesSplitTheText() throws {
        let parts = try template(#"print "{$n} deals, { $total } in total""#).parts
        XCTAssertEqual(parts, [.variable(Name("n", span: Span(start: 8, end: 10))), .text(" deals, "),
                               .variable(Name("total", span: Span(start: 21, end: 27))), .text(" in total")])
    }

    func testDoubledBracesAreBraces() throws {
        XCTAssertEqual(try template(#"print "{{x}} and }}""#).parts, [.text("{x} and }")])
    }

    func testEscapesResolveAsInAnyString() throws {
        XCTAssertEqual(try template(#"print "a\tb \"{$q}\" \\ C:\data""#).parts,
                       [.text("a\tb \""), .variable(Name("q", span: Span(start: 15, end: 17))), .text("\" \\ C:\\data")])
    }

    func testSpansStayRightAfterEscapesAndCyrillic() throws {
        let text = #"print "Итого\n: {$сумма}""#
        let name = try XCTUnwrap(template(text).variables.first)
        XCTAssertEqual(SourceText(name: "-c", text: text).slice(name.span), "$сумма")
    }

    func testSingleQuotesToo() throws {
        XCTAssertEqual(try template("print 'n={$n}'").variables.map(\.text), ["n"])
    }

    func testWhatIsNotAPlaceholderIsAnError() {
        let expression = error(#"print "n = {rows(deals)}""#)
        XCTAssertEqual(expression?.message, "only a variable can go between { and } in print, such as {$total}")
        XCTAssertEqual(expression?.span, Span(start: 11, end: 24))
        XCTAssertEqual(error(#"print "{$a b}""#)?.span, Span(start: 7, end: 13))
        XCTAssertEqual(error(#"print "{$}""#)?.span, Span(start: 7, end: 10))
        let open = error(#"print "open { $x""#)
        XCTAssertEqual(open?.message, "this '{' is not closed")
        XCTAssertEqual(open?.span, Span(start: 12, end: 13))
        let lone = error(#"print "a } b""#)
        XCTAssertEqual(lone?.message, "a '}' with no '{' before it")
        XCTAssertEqual(lone?.span, Span(start: 9, end: 10))
    }
}
