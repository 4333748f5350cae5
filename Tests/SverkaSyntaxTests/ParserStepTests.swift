import XCTest
import SverkaSyntax

/// Each step of a pipeline and the shape it parses to.
final class ParserStepTests: XCTestCase {
    func testBarePipeline() throws {
        let pipeline = try XCTUnwrap(Fixture.pipeline("from deals"))
        XCTAssertEqual(pipeline.source.name.description, "deals")
        XCTAssertNil(pipeline.source.alias)
        XCTAssertEqual(pipeline.steps, [])
        XCTAssertEqual(pipeline.span, Span(start: 0, end: 10))
    }

    func testQualifiedSourceWithAlias() throws {
        let pipeline = try XCTUnwrap(Fixture.pipeline("from wh.deals as d"))
        XCTAssertEqual(pipeline.source.name.description, "wh.deals")
        XCTAssertEqual(pipeline.source.alias?.text, "d")
        XCTAssertEqual(pipeline.source.visibleName, "d")
    }

    func testWhereTreatsSingleEqualsAsEquality() {
        XCTAssertEqual(Fixture.condition("stage = \"won\""), "(== stage \"won\")")
        XCTAssertEqual(Fixture.condition("stage == \"won\""), "(== stage \"won\")")
    }

    func testSelectItemsNamedAndUnnamed() {
        guard case .select(let items)? = Fixture.steps("from d | select a, d.b, total = a + b").first else {
            return XCTFail("no select")
        }
        XCTAssertEqual(Printed.items(items), "a, d.b, total = (+ a b)")
        XCTAssertEqual(items[2].span, Span(start: 24, end: 37))
    }

    func testDeriveItems() {
        guard case .derive(let items)? = Fixture.steps("from d | derive vat = amount * 20%, `Сумма с НДС` = amount + vat").first else {
            return XCTFail("no derive")
        }
        XCTAssertEqual(Printed.items(items), "vat = (* amount 20e-2), Сумма с НДС = (+ amount vat)")
    }

    func testJoinOnAndLeftJoinUsing() {
        let steps = Fixture.steps("from deals | join clients as c on deals.client_id = c.id | left join regions using (region_id, country)")
        guard steps.count == 2, case .join(.inner, let table, .on(let condition)) = steps[0],
              case .join(.left, let other, .using(let columns)) = steps[1] else {
            return XCTFail("joins: \(steps)")
        }
        XCTAssertEqual(table.name.description, "clients")
        XCTAssertEqual(table.alias?.text, "c")
        XCTAssertEqual(Printed.expression(condition), "(== deals.client_id c.id)")
        XCTAssertEqual(other.name.description, "regions")
        XCTAssertEqual(columns.map(\.text), ["region_id", "country"])
    }

    func testLeftJoinKeywordSpanCoversBothWords() throws {
        let pipeline = try XCTUnwrap(Fixture.pipeline("from a | left  join b on x"))
        XCTAssertEqual(pipeline.steps.first?.keywordSpan, Span(start: 9, end: 19))
        XCTAssertEqual(pipeline.steps.first?.span, Span(start: 9, end: 26))
    }

    func testGroupWithKeys() {
        guard case .group(let keys, let aggregates)? = Fixture.steps(
            "from d | group clients.region, y = year(closed_at) (revenue = sum(amount), deals = count(), n = count(*))").first else {
            return XCTFail("no group")
        }
        XCTAssertEqual(Printed.items(keys), "clients.region, y = year(closed_at)")
        XCTAssertEqual(Printed.items(aggregates), "revenue = sum(amount), deals = count(), n = count()")
    }

    func testGroupWithoutKeys() {
        guard case .group(let keys, let aggregates)? = Fixture.steps("from d | group (total = sum(amount), max(amount))").first else {
            return XCTFail("no group")
        }
        XCTAssertEqual(keys, [])
        XCTAssertEqual(Printed.items(aggregates), "total = sum(amount), max(amount)")
    }

    func testGroupWithEmptyAggregates() {
        guard case .group(let keys, let aggregates)? = Fixture.steps("from d | group region ()").first else {
            return XCTFail("no group")
        }
        XCTAssertEqual(Printed.items(keys), "region")
        XCTAssertEqual(aggregates, [])
    }

    func testSortDirections() {
        guard case .sort(let keys)? = Fixture.steps("from d | sort -revenue, name, +id, -(a + b)").first else {
            return XCTFail("no sort")
        }
        XCTAssertEqual(keys.map(\.descending), [true, false, false, true])
        XCTAssertEqual(keys.map { Printed.expression($0.expression) }, ["revenue", "name", "id", "(+ a b)"])
    }

    func testTakeDistinctAppend() {
        let steps = Fixture.steps("from d | take 10 | distinct | append archive | append (from old | where y < 2020 | take 5)")
        guard steps.count == 4, case .take(let count) = steps[0], case .distinct = steps[1],
              case .append(let bare) = steps[2], case .append(let query) = steps[3] else {
            return XCTFail("steps: \(steps)")
        }
        XCTAssertEqual(Printed.expression(count), "10")
        XCTAssertEqual(bare.source.name.description, "archive")
        XCTAssertEqual(bare.steps, [])
        XCTAssertEqual(query.source.name.description, "old")
        XCTAssertEqual(query.steps.count, 2)
    }

    func testTheDesignExample() throws {
        let text = """
        from deals
          | where stage == "won" and closed_at >= @2026-01-01
          | join clients on deals.client_id == clients.id
          | group clients.region (revenue = sum(amount), deals = count())
          | sort -revenue
          | take 10
        """
        let pipeline = try XCTUnwrap(Fixture.pipeline(text))
        XCTAssertEqual(pipeline.steps.count, 5)
        XCTAssertEqual(pipeline.span, Span(start: 0, end: text.utf8.count))
        guard case .filter(let condition) = pipeline.steps[0].kind else { return XCTFail("no filter") }
        XCTAssertEqual(Printed.expression(condition), "(and (== stage \"won\") (>= closed_at @2026-1-1))")
    }

    func testStepSpansCoverKeywordAndArguments() throws {
        let text = "from d | where a > 1 | take 3"
        let pipeline = try XCTUnwrap(Fixture.pipeline(text))
        XCTAssertEqual(pipeline.steps.map { Fixture.slice(text, $0.span) }, ["where a > 1", "take 3"])
        XCTAssertEqual(pipeline.steps.map { Fixture.slice(text, $0.keywordSpan) }, ["where", "take"])
    }

    func testStepWordsAreOrdinaryNamesElsewhere() {
        XCTAssertEqual(Fixture.condition("sort > 1 and take = group"), "(and (> sort 1) (== take group))")
        guard case .select(let items)? = Fixture.steps("from d | select where, `from`").first else { return XCTFail("no select") }
        XCTAssertEqual(Printed.items(items), "where, from")
    }
}
