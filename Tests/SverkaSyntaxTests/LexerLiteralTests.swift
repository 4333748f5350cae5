import XCTest
import SverkaSyntax

/// Every literal form the lexer reads, reduced to exact values.
final class LexerLiteralTests: XCTestCase {
    func testIntegersIgnoreUnderscores() {
        XCTAssertEqual(LexerProbe.only("42"), .integer(42))
        XCTAssertEqual(LexerProbe.only("1_000_000"), .integer(1_000_000))
        XCTAssertEqual(LexerProbe.only("007"), .integer(7))
        XCTAssertEqual(LexerProbe.only("9223372036854775807"), .integer(Int64.max))
    }

    func testDecimalsKeepTheirWrittenScale() {
        XCTAssertEqual(LexerProbe.only("12.50"), .decimal(units: 1250, scale: 2))
        XCTAssertEqual(LexerProbe.only("0.5"), .decimal(units: 5, scale: 1))
        XCTAssertEqual(LexerProbe.only("1_234.5"), .decimal(units: 12345, scale: 1))
        XCTAssertEqual(LexerProbe.only("0.123456789"), .decimal(units: 123_456_789, scale: 9))
    }

    func testThousandsAndMillionsSuffixes() {
        XCTAssertEqual(LexerProbe.only("1.5k"), .integer(1500))
        XCTAssertEqual(LexerProbe.only("10K"), .integer(10_000))
        XCTAssertEqual(LexerProbe.only("2M"), .integer(2_000_000))
        XCTAssertEqual(LexerProbe.only("1.2345k"), .decimal(units: 12345, scale: 1))
        XCTAssertEqual(LexerProbe.only("1.50k"), .integer(1500))
        XCTAssertEqual(LexerProbe.only("0.25M"), .integer(250_000))
    }

    func testPercentDividesByAHundred() {
        XCTAssertEqual(LexerProbe.only("20%"), .decimal(units: 20, scale: 2))
        XCTAssertEqual(LexerProbe.only("12.5%"), .decimal(units: 125, scale: 3))
        XCTAssertEqual(LexerProbe.kinds("x * 20% + 1"), [.identifier("x"), .star, .decimal(units: 20, scale: 2), .plus, .integer(1)])
    }

    func testPercentFollowedByAnOperandIsModulo() {
        XCTAssertEqual(LexerProbe.kinds("10%3"), [.integer(10), .percent, .integer(3)])
        XCTAssertEqual(LexerProbe.kinds("10 % n"), [.integer(10), .percent, .identifier("n")])
        XCTAssertEqual(LexerProbe.kinds("10%(n)"), [.integer(10), .percent, .leftParen, .identifier("n"), .rightParen])
    }

    func testNumberThenDotThenName() {
        XCTAssertEqual(LexerProbe.kinds("12.x"), [.integer(12), .dot, .identifier("x")])
    }

    func testStringsWithEscapes() {
        XCTAssertEqual(LexerProbe.only(#""won""#), .string("won"))
        XCTAssertEqual(LexerProbe.only("'won'"), .string("won"))
        XCTAssertEqual(LexerProbe.only(#""say \"hi\"""#), .string("say \"hi\""))
        XCTAssertEqual(LexerProbe.only(#"'it\'s'"#), .string("it's"))
        XCTAssertEqual(LexerProbe.only(#""a\\b\nc\td""#), .string("a\\b\nc\td"))
        XCTAssertEqual(LexerProbe.only(#""C:\data""#), .string("C:\\data"))
        XCTAssertEqual(LexerProbe.only("\"# not a comment\""), .string("# not a comment"))
        XCTAssertEqual(LexerProbe.only("\"Сумма\""), .string("Сумма"))
    }

    func testStringsSpanLinesAndNormaliseCRLF() {
        XCTAssertEqual(LexerProbe.only("\"one\ntwo\""), .string("one\ntwo"))
        XCTAssertEqual(LexerProbe.only("\"one\r\ntwo\""), .string("one\ntwo"))
    }

    func testDates() {
        XCTAssertEqual(LexerProbe.only("@2026-11-30"), .dateTime(.date(year: 2026, month: 11, day: 30)))
        XCTAssertEqual(LexerProbe.only("@2024-02-29"), .dateTime(.date(year: 2024, month: 2, day: 29)))
        XCTAssertEqual(LexerProbe.only("@2026-11-30T14:05"),
                       .dateTime(.datetime(year: 2026, month: 11, day: 30, hour: 14, minute: 5, second: 0)))
        XCTAssertEqual(LexerProbe.only("@2026-11-30T14:05:09"),
                       .dateTime(.datetime(year: 2026, month: 11, day: 30, hour: 14, minute: 5, second: 9)))
        XCTAssertEqual(LexerProbe.only("@2026-11-30 14:05"),
                       .dateTime(.datetime(year: 2026, month: 11, day: 30, hour: 14, minute: 5, second: 0)))
    }

    func testDateArithmeticNeedsNoSpecialSpacing() {
        XCTAssertEqual(LexerProbe.kinds("@2026-11-30 + 7"),
                       [.dateTime(.date(year: 2026, month: 11, day: 30)), .plus, .integer(7)])
        XCTAssertEqual(LexerProbe.kinds("@2026-11-30 10"),
                       [.dateTime(.date(year: 2026, month: 11, day: 30)), .integer(10)])
    }

    func testLiteralSpansAreByteRanges() {
        let tokens = LexerProbe.tokens("x = 1.5k")
        XCTAssertEqual(tokens.map(\.span), [Span(start: 0, end: 1), Span(start: 2, end: 3), Span(start: 4, end: 8)])
        let cyrillic = LexerProbe.tokens("Сумма > 1")
        XCTAssertEqual(cyrillic.first?.span, Span(start: 0, end: 10))
    }
}

/// Lexes text and returns what tests compare: kinds without newlines, comments and the end.
enum LexerProbe {
    static func run(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(SourceText(name: "-c", text: text))
        return lexer.tokenize()
    }

    static func tokens(_ text: String) -> [Token] {
        run(text).tokens.filter { token in
            switch token.kind {
            case .newline, .comment, .end: return false
            default: return true
            }
        }
    }

    static func kinds(_ text: String) -> [TokenKind] { tokens(text).map(\.kind) }

    static func only(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> TokenKind? {
        let result = run(text)
        XCTAssertEqual(result.diagnostics.map(\.message), [], file: file, line: line)
        let kinds = tokens(text).map(\.kind)
        XCTAssertEqual(kinds.count, 1, "tokens of \(text): \(kinds)", file: file, line: line)
        return kinds.first
    }

    static func diagnostics(_ text: String) -> [Diagnostic] { run(text).diagnostics }
}
