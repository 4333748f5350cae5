import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// The buckets of `aging`: their names, which days fall in which, and the edges accepted.
final class ReceivablesBucketTests: XCTestCase {
    func testStandardBucketsAreNamedAsTheIssueSays() {
        XCTAssertEqual(AgingBuckets.standard.names, ["current", "1-30", "31-60", "61-90", "90+"])
        XCTAssertEqual(AgingBuckets.standard.count, 5)
    }

    func testEveryDayFallsInOneBucketAtTheEdges() {
        let buckets = AgingBuckets.standard
        let expected: [(Int, String)] = [(-5, "current"), (0, "current"), (1, "1-30"), (30, "1-30"), (31, "31-60"),
                                         (60, "31-60"), (61, "61-90"), (90, "61-90"), (91, "90+"), (4000, "90+")]
        for (days, name) in expected {
            XCTAssertEqual(buckets.names[buckets.index(forDaysOverdue: days)], name, "\(days) days")
        }
    }

    func testNamesFollowTheEdges() throws {
        XCTAssertEqual(try AgingBuckets(edges: [15, 45]).names, ["current", "1-15", "16-45", "45+"])
        XCTAssertEqual(try AgingBuckets(edges: [1, 2]).names, ["current", "1", "2", "2+"])
        XCTAssertEqual(try AgingBuckets(edges: [60]).names, ["current", "1-60", "60+"])
        let custom = try AgingBuckets(edges: [15, 45])
        XCTAssertEqual(custom.index(forDaysOverdue: 15), 1)
        XCTAssertEqual(custom.index(forDaysOverdue: 16), 2)
        XCTAssertEqual(custom.index(forDaysOverdue: 46), 3)
    }

    func testBadEdgesAreRefusedWithAReason() {
        let cases: [([Int], String)] = [([], "at least one"), ([0], "from 1"), ([30, 30], "increase"), ([60, 30], "increase"),
                                        ([4000], "from 1 to 3650")]
        for (edges, reason) in cases {
            XCTAssertThrowsError(try AgingBuckets(edges: edges), "\(edges)") { error in
                XCTAssertTrue((error as? Diagnostic)?.message.contains(reason) ?? false, "\(error)")
            }
        }
    }

    /// The due dates that open each band: a debt due on a threshold is in its band, one due the
    /// day before is in the next.
    func testThresholdsAreTheAsOfDateLessEachEdge() {
        let asOf = ReceivablesFixture.date("2026-11-28")
        XCTAssertEqual(AgingBuckets.standard.thresholds(asOf: asOf).map(\.iso),
                       ["2026-11-28", "2026-10-29", "2026-09-29", "2026-08-30"])
    }

    func testDayArithmeticCrossesMonthsAndLeapYears() {
        XCTAssertEqual(ReceivablesFixture.date("2028-02-28").adding(days: 1).iso, "2028-02-29")
        XCTAssertEqual(ReceivablesFixture.date("2026-03-01").adding(days: -1).iso, "2026-02-28")
        XCTAssertEqual(ReceivablesFixture.date("2026-08-30").days(to: ReceivablesFixture.date("2026-11-28")), 90)
        XCTAssertEqual(ReceivablesFixture.date("2026-12-31").adding(days: 1).iso, "2027-01-01")
    }
}
