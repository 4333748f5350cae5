import XCTest
import SverkaSyntax

/// Names, variables, operators, comments and line structure.
final class LexerNameTests: XCTestCase {
    func testIdentifiersInAnyScript() {
        XCTAssertEqual(LexerProbe.kinds("deals _tmp x2 Сумма сумма_с_ндс"),
                       [.identifier("deals"), .identifier("_tmp"), .identifier("x2"), .identifier("Сумма"), .identifier("сумма_с_ндс")])
    }

    func testCombiningMarksContinueANameButDoNotStartOne() {
        let decomposed = "и\u{0306}мя"
        XCTAssertEqual(LexerProbe.kinds(decomposed), [.identifier(decomposed)])
    }

    func testBackQuotedNamesKeepTheirInnerText() {
        XCTAssertEqual(LexerProbe.kinds("`Сумма с НДС` `where`"),
                       [.quotedIdentifier("Сумма с НДС"), .quotedIdentifier("where")])
    }

    func testKeywordsAreOrdinaryIdentifiers() {
        XCTAssertEqual(LexerProbe.kinds("where and null"), [.identifier("where"), .identifier("and"), .identifier("null")])
    }

    func testQualifiedNamesAreNameDotName() {
        XCTAssertEqual(LexerProbe.kinds("deals.amount"), [.identifier("deals"), .dot, .identifier("amount")])
    }

    func testVariables() {
        XCTAssertEqual(LexerProbe.kinds("$as_of $дата $`my var` $"),
                       [.variable("as_of"), .variable("дата"), .variable("my var"), .dollar])
    }

    func testOperators() {
        XCTAssertEqual(LexerProbe.kinds("| ( ) , . ; : = == != <> < <= > >= + - * / % $ @ [ ]"),
                       [.pipe, .leftParen, .rightParen, .comma, .dot, .semicolon, .colon, .assign, .equal, .notEqual,
                        .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .plus, .minus, .star, .slash, .percent,
                        .dollar, .at, .leftBracket, .rightBracket])
    }

    func testOperatorsNeedNoSpaces() {
        XCTAssertEqual(LexerProbe.kinds("a>=-1"), [.identifier("a"), .greaterOrEqual, .minus, .integer(1)])
    }

    func testCommentsRunToTheEndOfTheLine() {
        let tokens = LexerProbe.run("from t # the deals\n| take 1").tokens.map(\.kind)
        XCTAssertEqual(tokens, [.identifier("from"), .identifier("t"), .comment, .newline, .pipe, .identifier("take"),
                                .integer(1), .end])
    }

    func testCRLFIsOneNewline() {
        let kinds = LexerProbe.run("a\r\nb").tokens.map(\.kind)
        XCTAssertEqual(kinds, [.identifier("a"), .newline, .identifier("b"), .end])
    }

    func testUnicodeSpacesAndByteOrderMarkAreSpace() {
        XCTAssertEqual(LexerProbe.kinds("\u{FEFF}from\u{00A0}deals"), [.identifier("from"), .identifier("deals")])
        XCTAssertEqual(LexerProbe.diagnostics("\u{FEFF}from\u{00A0}deals").count, 0)
    }

    func testEndTokenSitsAtTheEndOfTheInput() {
        let tokens = LexerProbe.run("ab ").tokens
        XCTAssertEqual(tokens.last, Token(.end, span: Span(start: 3, end: 3)))
    }
}
