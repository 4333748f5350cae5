import XCTest
import SverkaSyntax

/// What the lexer says about text it cannot read, and that it always goes on.
final class LexerErrorTests: XCTestCase {
    func testTooLargeNumber() {
        let text = "x > 99999999999999999999999"
        let diagnostics = LexerProbe.diagnostics(text)
        XCTAssertEqual(diagnostics.map(\.message), ["number 99999999999999999999999 is too large"])
        XCTAssertEqual(diagnostics.first?.hints, ["numbers must lie within ±9,223,372,036,854,775,807"])
        XCTAssertEqual(Fixture.slice(text, diagnostics.first?.span), "99999999999999999999999")
        XCTAssertEqual(LexerProbe.kinds(text).last, .invalid)
    }

    func testSuffixThatOverflows() {
        XCTAssertEqual(LexerProbe.diagnostics("9223372036854775807k").map(\.message),
                       ["number 9223372036854775807k is too large"])
        XCTAssertEqual(LexerProbe.diagnostics("9223372036854775808").map(\.message),
                       ["number 9223372036854775808 is too large"])
    }

    func testTooManyDecimalPlaces() {
        XCTAssertEqual(LexerProbe.diagnostics("0.1234567891").map(\.message), ["number 0.1234567891 has too many decimal places"])
        XCTAssertEqual(LexerProbe.diagnostics("0.12345678%").map(\.message), ["number 0.12345678% has too many decimal places"])
        XCTAssertEqual(LexerProbe.diagnostics("0.1234567891k").count, 0)
    }

    func testNumberRunningIntoLetters() {
        let diagnostics = LexerProbe.diagnostics("12abc")
        XCTAssertEqual(diagnostics.map(\.message), ["invalid number '12abc'"])
        XCTAssertEqual(LexerProbe.diagnostics("1kg").map(\.message), ["invalid number '1kg'"])
        XCTAssertEqual(LexerProbe.diagnostics("5m").map(\.message), ["invalid number '5m'"])
    }

    func testUnterminatedString() {
        let text = "from t | where name == \"Иван"
        let diagnostics = LexerProbe.diagnostics(text)
        XCTAssertEqual(diagnostics.map(\.message), ["unterminated string"])
        XCTAssertEqual(diagnostics.first?.hints, ["close it with \""])
        XCTAssertEqual(diagnostics.first?.span, Span(start: 23, end: 24))
        XCTAssertEqual(LexerProbe.kinds(text).last, .unterminatedString("Иван"))
        XCTAssertEqual(LexerProbe.diagnostics("'abc").first?.hints, ["close it with '"])
    }

    func testBackslashAtTheEndDoesNotCloseOrCrash() {
        XCTAssertEqual(LexerProbe.diagnostics("\"abc\\").map(\.message), ["unterminated string"])
        XCTAssertEqual(LexerProbe.diagnostics("\"abc\\\"").map(\.message), ["unterminated string"])
    }

    func testUnterminatedAndEmptyBackQuotedNames() {
        XCTAssertEqual(LexerProbe.diagnostics("`Сумма\nx").map(\.message), ["unterminated name"])
        XCTAssertEqual(LexerProbe.kinds("`Сумма\nx"), [.invalid, .identifier("x")])
        XCTAssertEqual(LexerProbe.diagnostics("``").map(\.message), ["empty name"])
        XCTAssertEqual(LexerProbe.kinds("$`oops"), [.invalid])
    }

    func testImpossibleDates() {
        let diagnostics = LexerProbe.diagnostics("@2026-02-30")
        XCTAssertEqual(diagnostics.map(\.message), ["no such date"])
        XCTAssertEqual(diagnostics.first?.hints, ["2026-02 has 28 days"])
        XCTAssertEqual(diagnostics.first?.span, Span(start: 0, end: 11))
        XCTAssertEqual(LexerProbe.diagnostics("@2026-13-01").first?.hints, ["months run from 01 to 12"])
        XCTAssertEqual(LexerProbe.diagnostics("@2025-02-29").map(\.message), ["no such date"])
        XCTAssertEqual(LexerProbe.diagnostics("@2026-11-30T24:00").map(\.message), ["no such time"])
    }

    func testMalformedDates() {
        XCTAssertEqual(LexerProbe.diagnostics("@2026-1-5").map(\.message), ["invalid date '@2026-1-5'"])
        XCTAssertEqual(LexerProbe.diagnostics("@2026-11-30T1").map(\.message), ["invalid date '@2026-11-30T1'"])
        XCTAssertEqual(LexerProbe.diagnostics("@20261130").map(\.message), ["invalid date '@20261130'"])
    }

    func testNulIsReportedByCodePoint() {
        let diagnostics = LexerProbe.diagnostics("a\u{0}b")
        XCTAssertEqual(diagnostics.map(\.message), ["unexpected character U+0000"])
        XCTAssertEqual(diagnostics.first?.span, Span(start: 1, end: 2))
        XCTAssertEqual(LexerProbe.kinds("a\u{0}b"), [.identifier("a"), .invalid, .identifier("b")])
    }

    func testVisibleCharactersAreShown() {
        XCTAssertEqual(LexerProbe.diagnostics("a § b").map(\.message), ["unexpected character '§' (U+00A7)"])
        XCTAssertEqual(LexerProbe.diagnostics("a ! b").first?.hints, ["write 'not' to negate, and '!=' for 'not equal'"])
        XCTAssertEqual(LexerProbe.diagnostics("“won”").first?.hints, ["use straight quotes: \"text\""])
    }

    func testReplacementCharacterFromInvalidUTF8() {
        let text = String(decoding: [0x61, 0xFF, 0xFE, 0x62], as: UTF8.self)
        let diagnostics = LexerProbe.diagnostics(text)
        XCTAssertEqual(diagnostics.map(\.message), ["unexpected character U+FFFD"])
        XCTAssertEqual(LexerProbe.kinds(text), [.identifier("a"), .invalid, .identifier("b")])
    }

    func testControlCharacterRunsAreOneToken() {
        XCTAssertEqual(LexerProbe.kinds("\u{1}\u{2}\u{3} x"), [.invalid, .identifier("x")])
        XCTAssertEqual(LexerProbe.diagnostics("\u{1}\u{2}\u{3} x").map(\.message), ["unexpected character U+0001"])
    }

    func testLexingGoesOnAfterErrors() {
        let result = LexerProbe.run("@2026-02-30 \"x\" 99999999999999999999 § ok")
        XCTAssertEqual(result.diagnostics.count, 3)
        XCTAssertEqual(LexerProbe.kinds("@2026-02-30 \"x\" 99999999999999999999 § ok"),
                       [.invalid, .string("x"), .invalid, .invalid, .identifier("ok")])
    }
}
