import XCTest
import SverkaSyntax

/// Precedence, the special comparison forms, calls and literals inside expressions.
final class ParserExpressionTests: XCTestCase {
    func testArithmeticPrecedenceAndAssociativity() {
        XCTAssertEqual(Fixture.condition("a + b * c > 1"), "(> (+ a (* b c)) 1)")
        XCTAssertEqual(Fixture.condition("a - b - c > 1"), "(> (- (- a b) c) 1)")
        XCTAssertEqual(Fixture.condition("a / b % c > 1"), "(> (% (/ a b) c) 1)")
        XCTAssertEqual(Fixture.condition("(a + b) * c > 1"), "(> (* (+ a b) c) 1)")
    }

    func testLogicalPrecedence() {
        XCTAssertEqual(Fixture.condition("a or b and c"), "(or a (and b c))")
        XCTAssertEqual(Fixture.condition("not a and b"), "(and (not a) b)")
        XCTAssertEqual(Fixture.condition("not a == 1 or b"), "(or (not (== a 1)) b)")
        XCTAssertEqual(Fixture.condition("not not a"), "(not (not a))")
        XCTAssertEqual(Fixture.condition("a = 1 and b != 2 or c <> 3"), "(or (and (== a 1) (!= b 2)) (!= c 3))")
    }

    func testUnaryMinus() {
        XCTAssertEqual(Fixture.condition("-a * b < 0"), "(< (* (neg a) b) 0)")
        XCTAssertEqual(Fixture.condition("x > -5"), "(> x -5)")
        XCTAssertEqual(Fixture.condition("x > -1.5k"), "(> x -1500)")
        XCTAssertEqual(Fixture.condition("x > -12.50"), "(> x -1250e-2)")
        XCTAssertEqual(Fixture.condition("x - -1 > 0"), "(> (- x -1) 0)")
    }

    func testInLists() {
        XCTAssertEqual(Fixture.condition("stage in (\"won\", \"lost\")"), "(in stage [\"won\", \"lost\"])")
        XCTAssertEqual(Fixture.condition("id not in (1, 2 + 3)"), "(not-in id [1, (+ 2 3)])")
        XCTAssertEqual(Fixture.condition("a in (1) and b"), "(and (in a [1]) b)")
    }

    func testBetween() {
        XCTAssertEqual(Fixture.condition("d between @2026-01-01 and @2026-03-31"), "(between d @2026-1-1 @2026-3-31)")
        XCTAssertEqual(Fixture.condition("x not between 1 + 1 and 10 and y"), "(and (not-between x (+ 1 1) 10) y)")
    }

    func testIsNull() {
        XCTAssertEqual(Fixture.condition("a is null"), "(is-null a)")
        XCTAssertEqual(Fixture.condition("a + 1 is not null or b"), "(or (is-not-null (+ a 1)) b)")
    }

    func testLiteralsInExpressions() {
        XCTAssertEqual(Fixture.condition("a == true or b == false or c == null"),
                       "(or (or (== a true) (== b false)) (== c null))")
        XCTAssertEqual(Fixture.condition("amount > 1M and vat = 20% and at <= $as_of"),
                       "(and (and (> amount 1000000) (== vat 20e-2)) (<= at $as_of))")
        XCTAssertEqual(Fixture.condition("`Сумма с НДС` > 1_000"), "(> Сумма с НДС 1000)")
    }

    func testCalls() {
        XCTAssertEqual(Fixture.condition("round(amount * 1.2, 2) > 0"), "(> round((* amount 12e-1), 2) 0)")
        XCTAssertEqual(Fixture.condition("if(a > 1, b, c)"), "if((> a 1), b, c)")
        XCTAssertEqual(Fixture.condition("days_between(a, today()) > 30"), "(> days_between(a, today()) 30)")
        XCTAssertEqual(Fixture.condition("coalesce(a, b) = 0"), "(== coalesce(a, b) 0)")
    }

    func testCountStarIsCountWithNoArguments() {
        XCTAssertEqual(Fixture.condition("count(*) > 1"), "(> count() 1)")
    }

    func testExpressionSpans() throws {
        let text = "from t | where (a + b) * sum(c) > 1"
        guard case .filter(let condition)? = Fixture.steps(text).first,
              case .binary(_, let product, _) = condition.kind,
              case .binary(_, let sum, let call) = product.kind else {
            return XCTFail("shape")
        }
        XCTAssertEqual(Fixture.slice(text, condition.span), "(a + b) * sum(c) > 1")
        XCTAssertEqual(Fixture.slice(text, sum.span), "(a + b)")
        XCTAssertEqual(Fixture.slice(text, call.span), "sum(c)")
    }

    func testDeepButAllowedNesting() {
        let depth = 150
        let text = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth) + " > 1"
        XCTAssertEqual(Fixture.condition(text), "(> a 1)")
    }

    func testLongInListIsFlat() {
        let values = (1...5000).map(String.init).joined(separator: ", ")
        guard case .filter(let condition)? = Fixture.steps("from t | where id in (\(values))").first,
              case .inList(_, let items, false) = condition.kind else {
            return XCTFail("no in-list")
        }
        XCTAssertEqual(items.count, 5000)
    }
}
