import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// The exact SQL of each step and of their combinations, including when a step wraps the
/// SELECT built so far as a subquery. Schemas come from `FakeTables`: no database involved.
final class CompilerStepTests: CompilerTestCase {
    private let deals = CompilerFixture.dealsColumns

    // MARK: - from

    func testFromSelectsEveryColumnQualifiedAndQuoted() {
        assertSQL("from deals", "SELECT \(deals) FROM \"deals\"")
        XCTAssertEqual(columns("from deals"), [
            ResultColumn(name: "deal_id", type: .integer), ResultColumn(name: "client_id", type: .integer),
            ResultColumn(name: "stage", type: .text), ResultColumn(name: "amount", type: .decimal(scale: 2)),
            ResultColumn(name: "closed_at", type: .date), ResultColumn(name: "region", type: .text),
        ])
        XCTAssertEqual(compiled("from deals")?.engine, "SQLite")
    }

    func testFromIgnoresCaseAndKeepsTheWrittenNameAsAlias() {
        assertSQL("from DEALS | select amount",
                  #"SELECT "DEALS"."amount" AS "amount" FROM "deals" AS "DEALS""#)
    }

    func testIdentifiersWithQuotesAndCyrillicAreQuoted() {
        let tables = FakeTables().adding(table: "Сделки", [("Сумма с НДС", .decimal(scale: 2)), ("a\"b", .text)])
        assertSQL("from Сделки | select `Сумма с НДС`, `a\"b`",
                  #"SELECT "Сделки"."Сумма с НДС" AS "Сумма с НДС", "Сделки"."a""b" AS "a""b" FROM "Сделки""#,
                  tables: tables)
    }

    func testPlaceholderLikeTextInsideQuotedNamesIsLeftAlone() {
        // Compaction renumbers ?N outside quotes only: names may contain '?', quotes and apostrophes.
        let tables = FakeTables().adding(table: "odd", [("q?1", .integer), ("it's ?2", .text), ("a\"?3", .integer)])
        assertSQL(#"from odd | where `q?1` > 5 and `it's ?2` == "?1" | select `a"?3`"#,
                  #"SELECT "odd"."a""?3" AS "a""?3" FROM "odd" WHERE (("odd"."q?1" > ?1) AND ("odd"."it's ?2" = ?2))"#,
                  [.integer(5), .text("?1")], tables: tables)
    }

    // MARK: - where

    func testWhereBindsLiteralsAsParameters() {
        assertSQL(#"from deals | where stage == "won""#,
                  "SELECT \(deals) FROM \"deals\" WHERE (\"deals\".\"stage\" = ?1)", [.text("won")])
    }

    func testWhereAcceptsSingleEqualsAndStacksFiltersWithAnd() {
        assertSQL(#"from deals | where stage = "won" | where amount > 1000"#,
                  "SELECT \(deals) FROM \"deals\" WHERE (\"deals\".\"stage\" = ?1) AND (\"deals\".\"amount\" > ?2)",
                  [.text("won"), .integer(100_000)])
    }

    func testWhereWithAndOrNotInBetween() {
        assertSQL(#"from deals | where not (stage == "lost" or region in ("North", "South")) and deal_id between 1 and 9"#,
                  "SELECT \(deals) FROM \"deals\" WHERE ((NOT ((\"deals\".\"stage\" = ?1) OR (\"deals\".\"region\" IN (?2, ?3))))"
                      + " AND (\"deals\".\"deal_id\" >= ?4 AND \"deals\".\"deal_id\" <= ?5))",
                  [.text("lost"), .text("North"), .text("South"), .integer(1), .integer(9)])
        assertSQL(#"from deals | where region not in ("East") and deal_id not between 2 and 3"#,
                  "SELECT \(deals) FROM \"deals\" WHERE ((\"deals\".\"region\" NOT IN (?1))"
                      + " AND (NOT (\"deals\".\"deal_id\" >= ?2 AND \"deals\".\"deal_id\" <= ?3)))",
                  [.text("East"), .integer(2), .integer(3)])
    }

    func testWhereIsNullAndQualifiedAndBackquotedNames() {
        assertSQL("from deals | where closed_at is null and deals.region is not null and `amount` > 1",
                  "SELECT \(deals) FROM \"deals\" WHERE (((\"deals\".\"closed_at\" IS NULL)"
                      + " AND (\"deals\".\"region\" IS NOT NULL)) AND (\"deals\".\"amount\" > ?1))",
                  [.integer(100)])
    }

    // MARK: - select

    func testSelectKeepsExactlyTheListedColumns() {
        assertSQL("from deals | select deal_id, amount",
                  #"SELECT "deals"."deal_id" AS "deal_id", "deals"."amount" AS "amount" FROM "deals""#)
    }

    func testSelectRenamesAndComputes() {
        assertSQL("from deals | select id = deal_id, doubled = amount * 2",
                  #"SELECT "deals"."deal_id" AS "id", ("deals"."amount" * ?1) AS "doubled" FROM "deals""#, [.integer(2)])
        XCTAssertEqual(columns("from deals | select id = deal_id, doubled = amount * 2"),
                       [ResultColumn(name: "id", type: .integer), ResultColumn(name: "doubled", type: .decimal(scale: 2))])
    }

    func testUnnamedComputedSelectItemIsNamedAsWritten() {
        assertSQL("from deals | select amount * 2",
                  #"SELECT ("deals"."amount" * ?1) AS "amount * 2" FROM "deals""#, [.integer(2)])
    }

    func testWhereAfterSelectSeesRenamedColumns() {
        assertSQL("from deals | select id = deal_id | where id > 5",
                  #"SELECT "deals"."deal_id" AS "id" FROM "deals" WHERE ("deals"."deal_id" > ?1)"#, [.integer(5)])
    }

    // MARK: - derive

    func testDeriveAppendsAColumn() {
        assertSQL("from deals | derive net = amount - 10",
                  "SELECT \(deals), (\"deals\".\"amount\" - ?1) AS \"net\" FROM \"deals\"", [.integer(1000)])
        XCTAssertEqual(columns("from deals | derive net = amount - 10").last,
                       ResultColumn(name: "net", type: .decimal(scale: 2)))
    }

    func testDeriveReplacesAColumnInPlace() {
        assertSQL("from deals | derive amount = amount * 2",
                  #"SELECT "deals"."deal_id" AS "deal_id", "deals"."client_id" AS "client_id", "deals"."stage" AS "stage", "#
                      + #"("deals"."amount" * ?1) AS "amount", "deals"."closed_at" AS "closed_at", "deals"."region" AS "region" "#
                      + #"FROM "deals""#,
                  [.integer(2)])
        XCTAssertEqual(columns("from deals | derive amount = text(amount)").map(\.name),
                       ["deal_id", "client_id", "stage", "amount", "closed_at", "region"])
        XCTAssertEqual(columns("from deals | derive amount = text(amount)")[3].type, .text)
    }

    func testWhereAfterDeriveInlinesTheDerivedExpressionAndReusesItsParameter() {
        assertSQL("from deals | derive net = amount - 10 | where net > 0",
                  "SELECT \(deals), (\"deals\".\"amount\" - ?1) AS \"net\" FROM \"deals\" WHERE ((\"deals\".\"amount\" - ?1) > ?2)",
                  [.integer(1000), .integer(0)])
    }

    func testDeriveAfterDeriveBuildsOnTheEarlierColumn() {
        assertSQL("from deals | select amount | derive a = amount * 2 | derive b = a + 1",
                  #"SELECT "deals"."amount" AS "amount", ("deals"."amount" * ?1) AS "a", (("deals"."amount" * ?1) + ?2) AS "b" FROM "deals""#,
                  [.integer(2), .integer(100)])
    }

    // MARK: - join

    func testJoinOnKeepsBothSidesAndQualifiesClashingOutputNames() {
        assertSQL("from deals | join clients on deals.client_id == clients.client_id",
                  #"SELECT "deals"."deal_id" AS "deal_id", "deals"."client_id" AS "deals.client_id", "deals"."stage" AS "stage", "#
                      + #""deals"."amount" AS "amount", "deals"."closed_at" AS "closed_at", "deals"."region" AS "deals.region", "#
                      + #""clients"."client_id" AS "clients.client_id", "clients"."name" AS "name", "clients"."region" AS "clients.region" "#
                      + #"FROM "deals" JOIN "clients" ON ("deals"."client_id" = "clients"."client_id")"#)
    }

    func testJoinUsingHidesTheRightCopyOfTheSharedColumn() {
        assertSQL("from deals | join clients using (client_id)",
                  #"SELECT "deals"."deal_id" AS "deal_id", "deals"."client_id" AS "client_id", "deals"."stage" AS "stage", "#
                      + #""deals"."amount" AS "amount", "deals"."closed_at" AS "closed_at", "deals"."region" AS "deals.region", "#
                      + #""clients"."name" AS "name", "clients"."region" AS "clients.region" "#
                      + #"FROM "deals" JOIN "clients" ON "deals"."client_id" = "clients"."client_id""#)
        // The hidden copy is still reachable by its qualified name.
        assertSQL("from deals | join clients using (client_id) | select client_id, clients.client_id",
                  #"SELECT "deals"."client_id" AS "deals.client_id", "clients"."client_id" AS "clients.client_id" "#
                      + #"FROM "deals" JOIN "clients" ON "deals"."client_id" = "clients"."client_id""#)
    }

    func testJoinUsingSeveralColumns() {
        assertSQL("from deals | join clients using (client_id, region) | select deal_id, name",
                  #"SELECT "deals"."deal_id" AS "deal_id", "clients"."name" AS "name" FROM "deals" JOIN "clients" "#
                      + #"ON "deals"."client_id" = "clients"."client_id" AND "deals"."region" = "clients"."region""#)
    }

    func testLeftJoinUsingAndOnWithAnExtraCondition() {
        assertSQL("from deals | left join clients using (client_id) | select deal_id, name",
                  #"SELECT "deals"."deal_id" AS "deal_id", "clients"."name" AS "name" "#
                      + #"FROM "deals" LEFT JOIN "clients" ON "deals"."client_id" = "clients"."client_id""#)
        assertSQL(#"from deals | left join clients on deals.client_id == clients.client_id and clients.region == "North" | select deal_id, name"#,
                  #"SELECT "deals"."deal_id" AS "deal_id", "clients"."name" AS "name" FROM "deals" LEFT JOIN "clients" "#
                      + #"ON (("deals"."client_id" = "clients"."client_id") AND ("clients"."region" = ?1))"#,
                  [.text("North")])
    }

    func testJoinWithAliasesAllowsTheSameTableTwice() {
        assertSQL("from deals | join clients as c using (client_id) | join clients as d on c.client_id == d.client_id | select c.name, d.name",
                  #"SELECT "c"."name" AS "c.name", "d"."name" AS "d.name" FROM "deals" JOIN "clients" AS "c" "#
                      + #"ON "deals"."client_id" = "c"."client_id" JOIN "clients" AS "d" ON ("c"."client_id" = "d"."client_id")"#)
        XCTAssertEqual(columns("from deals | join clients as c using (client_id) | join clients as d on c.client_id == d.client_id | select c.name, d.name").map(\.name),
                       ["c.name", "d.name"])
    }

    func testJoinUsingColumnsOfIntegerAndDecimalAlignsScales() {
        assertSQL("from deals | join refunds using (amount) | select deals.deal_id",
                  #"SELECT "deals"."deal_id" AS "deal_id" FROM "deals" JOIN "refunds" ON "deals"."amount" = ("refunds"."amount" * 100)"#)
    }

    func testJoinAfterGroupWrapsTheGroup() {
        assertSQL("from deals | group region (total = sum(amount)) | join clients using (region)",
                  #"SELECT "_q1"."region" AS "region", "_q1"."total" AS "total", "clients"."client_id" AS "client_id", "#
                      + #""clients"."name" AS "name" FROM (SELECT "deals"."region" AS "region", sum("deals"."amount") AS "total" "#
                      + #"FROM "deals" GROUP BY "deals"."region") AS "_q1" JOIN "clients" ON "_q1"."region" = "clients"."region""#)
    }

    func testJoinAfterTakeWrapsTheLimitedRows() {
        assertSQL("from deals | take 3 | join clients using (client_id) | select deal_id, name",
                  #"SELECT "_q1"."deal_id" AS "deal_id", "clients"."name" AS "name" FROM (SELECT \#(deals) FROM "deals" LIMIT 3) AS "_q1" "#
                      + #"JOIN "clients" ON "_q1"."client_id" = "clients"."client_id""#)
    }

    // MARK: - group

    func testGroupWithKeys() {
        assertSQL("from deals | group region (total = sum(amount), n = count())",
                  #"SELECT "deals"."region" AS "region", sum("deals"."amount") AS "total", count(*) AS "n" "#
                      + #"FROM "deals" GROUP BY "deals"."region""#)
        XCTAssertEqual(columns("from deals | group region (total = sum(amount), n = count())"), [
            ResultColumn(name: "region", type: .text), ResultColumn(name: "total", type: .decimal(scale: 2)),
            ResultColumn(name: "n", type: .integer),
        ])
    }

    func testGroupWithSeveralKeys() {
        assertSQL("from deals | group region, stage (n = count())",
                  #"SELECT "deals"."region" AS "region", "deals"."stage" AS "stage", count(*) AS "n" "#
                      + #"FROM "deals" GROUP BY "deals"."region", "deals"."stage""#)
    }

    func testGroupWithoutKeysIsOneRowWithoutGroupBy() {
        assertSQL("from deals | group (n = count(), total = sum(amount))",
                  #"SELECT count(*) AS "n", sum("deals"."amount") AS "total" FROM "deals""#)
    }

    func testGroupWithAComputedKey() {
        assertSQL("from deals | group month = yearmonth(closed_at) (total = sum(amount))",
                  #"SELECT strftime('%Y-%m', "deals"."closed_at") AS "month", sum("deals"."amount") AS "total" "#
                      + #"FROM "deals" GROUP BY strftime('%Y-%m', "deals"."closed_at")"#)
        XCTAssertEqual(columns("from deals | group month = yearmonth(closed_at) (total = sum(amount))").first,
                       ResultColumn(name: "month", type: .text))
    }

    func testUnnamedAggregatesAreNamedAfterTheirFunction() {
        assertSQL("from deals | group region (sum(amount), count())",
                  #"SELECT "deals"."region" AS "region", sum("deals"."amount") AS "sum", count(*) AS "count" "#
                      + #"FROM "deals" GROUP BY "deals"."region""#)
    }

    func testEveryAggregateAndItsType() {
        let text = "from deals | group region (a = avg(amount), b = avg(deal_id), c = min(stage), d = max(closed_at), "
            + "e = count_distinct(client_id), f = count(closed_at))"
        assertSQL(text,
                  #"SELECT "deals"."region" AS "region", CAST(round(avg("deals"."amount")) AS INTEGER) AS "a", "#
                      + #"avg("deals"."deal_id") AS "b", min("deals"."stage") AS "c", max("deals"."closed_at") AS "d", "#
                      + #"count(DISTINCT "deals"."client_id") AS "e", count("deals"."closed_at") AS "f" FROM "deals" GROUP BY "deals"."region""#)
        XCTAssertEqual(columns(text).map(\.type),
                       [.text, .decimal(scale: 2), .number, .text, .date, .integer, .integer])
    }

    func testAggregateListMayComputeOverAggregatesAndKeys() {
        assertSQL("from deals | group region (share = sum(amount) / count(), tag = region + \"!\")",
                  #"SELECT "deals"."region" AS "region", ((CAST(sum("deals"."amount") AS REAL) / 100) / CAST(count(*) AS REAL)) AS "share", "#
                      + #"("deals"."region" || ?1) AS "tag" FROM "deals" GROUP BY "deals"."region""#,
                  [.text("!")])
    }

    func testSortAfterGroupOrdersByTheAggregateInTheSameSelect() {
        assertSQL("from deals | group region (total = sum(amount)) | sort -total | take 2",
                  #"SELECT "deals"."region" AS "region", sum("deals"."amount") AS "total" FROM "deals" "#
                      + #"GROUP BY "deals"."region" ORDER BY sum("deals"."amount") DESC LIMIT 2"#)
    }

    func testDeriveAfterGroupStaysInTheGroupedSelect() {
        assertSQL("from deals | group region (total = sum(amount)) | derive double = total * 2",
                  #"SELECT "deals"."region" AS "region", sum("deals"."amount") AS "total", (sum("deals"."amount") * ?1) AS "double" "#
                      + #"FROM "deals" GROUP BY "deals"."region""#,
                  [.integer(2)])
    }

    func testGroupAfterGroupWraps() {
        assertSQL("from deals | group region, stage (n = count()) | group region (stages = count())",
                  #"SELECT "_q1"."region" AS "region", count(*) AS "stages" FROM (SELECT "deals"."region" AS "region", "#
                      + #""deals"."stage" AS "stage", count(*) AS "n" FROM "deals" GROUP BY "deals"."region", "deals"."stage") AS "_q1" "#
                      + #"GROUP BY "_q1"."region""#)
    }

    func testGroupAfterSortDropsTheUselessOrder() {
        assertSQL("from deals | sort amount | group (n = count())", #"SELECT count(*) AS "n" FROM "deals""#)
    }

    // MARK: - sort, take, distinct

    func testSortWithDescendingAndSeveralKeys() {
        assertSQL("from deals | sort -amount, stage",
                  "SELECT \(deals) FROM \"deals\" ORDER BY \"deals\".\"amount\" DESC, \"deals\".\"stage\"")
    }

    func testSortByAnExpression() {
        assertSQL("from deals | select amount | sort -(amount * 2), +amount",
                  #"SELECT "deals"."amount" AS "amount" FROM "deals" ORDER BY ("deals"."amount" * ?1) DESC, "deals"."amount""#,
                  [.integer(2)])
    }

    func testTakeIsAnInlinedLimitWithNoParameterLeft() {
        assertSQL("from deals | take 10", "SELECT \(deals) FROM \"deals\" LIMIT 10")
        assertSQL("from deals | take 0", "SELECT \(deals) FROM \"deals\" LIMIT 0")
        assertSQL("from deals | take 1.5k", "SELECT \(deals) FROM \"deals\" LIMIT 1500")
        assertSQL("from deals | take $n", "SELECT \(deals) FROM \"deals\" LIMIT 7", variables: ["n": .integer(7)])
    }

    func testWhereSortTakeShareOneSelect() {
        assertSQL(#"from deals | where stage == "won" | sort -amount | take 3"#,
                  "SELECT \(deals) FROM \"deals\" WHERE (\"deals\".\"stage\" = ?1) ORDER BY \"deals\".\"amount\" DESC LIMIT 3",
                  [.text("won")])
    }

    func testWhereAfterSortStaysInTheSameSelect() {
        assertSQL("from deals | sort -amount | where deal_id > 1",
                  "SELECT \(deals) FROM \"deals\" WHERE (\"deals\".\"deal_id\" > ?1) ORDER BY \"deals\".\"amount\" DESC",
                  [.integer(1)])
    }

    func testSelectAndDeriveAfterTakeNeedNoSubquery() {
        assertSQL("from deals | sort -amount | take 2 | select deal_id | derive twice = deal_id * 2",
                  #"SELECT "deals"."deal_id" AS "deal_id", ("deals"."deal_id" * ?1) AS "twice" FROM "deals" "#
                      + #"ORDER BY "deals"."amount" DESC LIMIT 2"#,
                  [.integer(2)])
    }

    func testDistinct() {
        assertSQL("from deals | select region | distinct", #"SELECT DISTINCT "deals"."region" AS "region" FROM "deals""#)
    }

    func testTakeAndSortAfterDistinctStayInTheSameSelect() {
        assertSQL("from deals | select region | distinct | sort region | take 3",
                  #"SELECT DISTINCT "deals"."region" AS "region" FROM "deals" ORDER BY "deals"."region" LIMIT 3"#)
    }

    // MARK: - wrapping rules

    func testWhereAfterGroupFiltersTheGroupsInASubquery() {
        assertSQL("from deals | group region (total = sum(amount)) | where total > 1000",
                  #"SELECT "_q1"."region" AS "region", "_q1"."total" AS "total" FROM (SELECT "deals"."region" AS "region", "#
                      + #"sum("deals"."amount") AS "total" FROM "deals" GROUP BY "deals"."region") AS "_q1" WHERE ("_q1"."total" > ?1)"#,
                  [.integer(100_000)])
    }

    func testWhereAfterAGroupWithoutKeysAlsoWraps() {
        assertSQL("from deals | group (n = count()) | where n > 0",
                  #"SELECT "_q1"."n" AS "n" FROM (SELECT count(*) AS "n" FROM "deals") AS "_q1" WHERE ("_q1"."n" > ?1)"#,
                  [.integer(0)])
    }

    func testQualifiedKeyStillResolvesAfterTheWrap() {
        assertSQL(#"from deals | group region (n = count()) | where deals.region == "North""#,
                  #"SELECT "_q1"."region" AS "region", "_q1"."n" AS "n" FROM (SELECT "deals"."region" AS "region", count(*) AS "n" "#
                      + #"FROM "deals" GROUP BY "deals"."region") AS "_q1" WHERE ("_q1"."region" = ?1)"#,
                  [.text("North")])
    }

    func testSortAfterTakeSortsTheTakenRowsInASubquery() {
        assertSQL("from deals | take 5 | sort amount",
                  "SELECT \"_q1\".\"deal_id\" AS \"deal_id\", \"_q1\".\"client_id\" AS \"client_id\", \"_q1\".\"stage\" AS \"stage\", "
                      + "\"_q1\".\"amount\" AS \"amount\", \"_q1\".\"closed_at\" AS \"closed_at\", \"_q1\".\"region\" AS \"region\" "
                      + "FROM (SELECT \(deals) FROM \"deals\" LIMIT 5) AS \"_q1\" ORDER BY \"_q1\".\"amount\"")
    }

    func testTakeAfterTakeAndWhereAfterTakeWrap() {
        assertSQL("from deals | select deal_id | take 5 | take 2",
                  #"SELECT "_q1"."deal_id" AS "deal_id" FROM (SELECT "deals"."deal_id" AS "deal_id" FROM "deals" LIMIT 5) AS "_q1" LIMIT 2"#)
        assertSQL(#"from deals | select stage | take 3 | where stage == "won""#,
                  #"SELECT "_q1"."stage" AS "stage" FROM (SELECT "deals"."stage" AS "stage" FROM "deals" LIMIT 3) AS "_q1" WHERE ("_q1"."stage" = ?1)"#,
                  [.text("won")])
    }

    func testDeriveAndSelectAfterDistinctWrap() {
        assertSQL("from deals | select region | distinct | derive r = lower(region)",
                  #"SELECT "_q1"."region" AS "region", lower("_q1"."region") AS "r" FROM (SELECT DISTINCT "deals"."region" AS "region" FROM "deals") AS "_q1""#)
        assertSQL("from deals | select region, stage | distinct | select region",
                  #"SELECT "_q1"."region" AS "region" FROM (SELECT DISTINCT "deals"."region" AS "region", "deals"."stage" AS "stage" FROM "deals") AS "_q1""#)
    }

    func testWhereAndGroupAfterDistinctWrap() {
        assertSQL(#"from deals | select region | distinct | where region != "East""#,
                  #"SELECT "_q1"."region" AS "region" FROM (SELECT DISTINCT "deals"."region" AS "region" FROM "deals") AS "_q1" WHERE ("_q1"."region" <> ?1)"#,
                  [.text("East")])
        assertSQL("from deals | select region | distinct | group (regions = count())",
                  #"SELECT count(*) AS "regions" FROM (SELECT DISTINCT "deals"."region" AS "region" FROM "deals") AS "_q1""#)
    }

    func testDistinctAfterTakeWraps() {
        assertSQL("from deals | select region | take 4 | distinct",
                  #"SELECT DISTINCT "_q1"."region" AS "region" FROM (SELECT "deals"."region" AS "region" FROM "deals" LIMIT 4) AS "_q1""#)
    }

    func testSubqueryAliasesAreNumberedInOrder() {
        assertSQL("from deals | select deal_id | take 5 | take 4 | take 3",
                  #"SELECT "_q2"."deal_id" AS "deal_id" FROM (SELECT "_q1"."deal_id" AS "deal_id" FROM "#
                      + #"(SELECT "deals"."deal_id" AS "deal_id" FROM "deals" LIMIT 5) AS "_q1" LIMIT 4) AS "_q2" LIMIT 3"#)
    }

    func testJoinedClashingNamesSurviveAWrap() {
        assertSQL("from deals | join clients using (client_id) | take 1 | where deals.region == clients.region | select deals.region, clients.region",
                  #"SELECT "_q1"."deals.region" AS "deals.region", "_q1"."clients.region" AS "clients.region" FROM (SELECT "#
                      + #""deals"."deal_id" AS "deal_id", "deals"."client_id" AS "client_id", "deals"."stage" AS "stage", "#
                      + #""deals"."amount" AS "amount", "deals"."closed_at" AS "closed_at", "deals"."region" AS "deals.region", "#
                      + #""clients"."name" AS "name", "clients"."region" AS "clients.region" FROM "deals" JOIN "clients" "#
                      + #"ON "deals"."client_id" = "clients"."client_id" LIMIT 1) AS "_q1" WHERE ("_q1"."deals.region" = "_q1"."clients.region")"#)
    }

    // MARK: - append

    func testAppendWrapsBothSidesInAUnionAll() {
        assertSQL("from deals | select deal_id, amount | append (from archive | select deal_id, amount)",
                  #"SELECT "_q3"."deal_id" AS "deal_id", "_q3"."amount" AS "amount" FROM (SELECT "_q1"."deal_id" AS "deal_id", "#
                      + #""_q1"."amount" AS "amount" FROM (SELECT "deals"."deal_id" AS "deal_id", "deals"."amount" AS "amount" FROM "deals") AS "_q1" "#
                      + #"UNION ALL SELECT "_q2"."deal_id" AS "deal_id", "_q2"."amount" AS "amount" FROM (SELECT "archive"."deal_id" AS "deal_id", "#
                      + #""archive"."amount" AS "amount" FROM "archive") AS "_q2") AS "_q3""#)
    }

    func testAppendOfABareTableName() {
        assertSQL("from archive | append archive",
                  #"SELECT "_q3"."deal_id" AS "deal_id", "_q3"."amount" AS "amount" FROM (SELECT "_q1"."deal_id" AS "deal_id", "#
                      + #""_q1"."amount" AS "amount" FROM (SELECT "archive"."deal_id" AS "deal_id", "archive"."amount" AS "amount" FROM "archive") AS "_q1" "#
                      + #"UNION ALL SELECT "_q2"."deal_id" AS "deal_id", "_q2"."amount" AS "amount" FROM (SELECT "archive"."deal_id" AS "deal_id", "#
                      + #""archive"."amount" AS "amount" FROM "archive") AS "_q2") AS "_q3""#)
    }

    func testAppendOfIntegerToDecimalRescalesTheIntegerSide() {
        assertSQL("from deals | select deal_id, amount | append refunds",
                  #"SELECT "_q3"."deal_id" AS "deal_id", "_q3"."amount" AS "amount" FROM (SELECT "_q1"."deal_id" AS "deal_id", "#
                      + #""_q1"."amount" AS "amount" FROM (SELECT "deals"."deal_id" AS "deal_id", "deals"."amount" AS "amount" FROM "deals") AS "_q1" "#
                      + #"UNION ALL SELECT "_q2"."deal_id" AS "deal_id", ("_q2"."amount" * 100) AS "amount" FROM (SELECT "refunds"."deal_id" AS "deal_id", "#
                      + #""refunds"."amount" AS "amount" FROM "refunds") AS "_q2") AS "_q3""#)
        XCTAssertEqual(columns("from deals | select deal_id, amount | append refunds")[1], ResultColumn(name: "amount", type: .decimal(scale: 2)))
        // The other way round: the integer side comes first, and is still the one rescaled.
        assertSQL("from refunds | append (from deals | select deal_id, amount)",
                  #"SELECT "_q3"."deal_id" AS "deal_id", "_q3"."amount" AS "amount" FROM (SELECT "_q1"."deal_id" AS "deal_id", "#
                      + #"("_q1"."amount" * 100) AS "amount" FROM (SELECT "refunds"."deal_id" AS "deal_id", "refunds"."amount" AS "amount" FROM "refunds") AS "_q1" "#
                      + #"UNION ALL SELECT "_q2"."deal_id" AS "deal_id", "_q2"."amount" AS "amount" FROM (SELECT "deals"."deal_id" AS "deal_id", "#
                      + #""deals"."amount" AS "amount" FROM "deals") AS "_q2") AS "_q3""#)
        XCTAssertEqual(columns("from refunds | append (from deals | select deal_id, amount)")[1].type, .decimal(scale: 2))
    }

    func testAppendKeepsEachSidesSortAndLimitInsideItsSubquery() {
        assertSQL("from deals | select deal_id, amount | sort -amount | take 2 | append (from archive | take 1)",
                  #"SELECT "_q3"."deal_id" AS "deal_id", "_q3"."amount" AS "amount" FROM (SELECT "_q1"."deal_id" AS "deal_id", "#
                      + #""_q1"."amount" AS "amount" FROM (SELECT "deals"."deal_id" AS "deal_id", "deals"."amount" AS "amount" FROM "deals" "#
                      + #"ORDER BY "deals"."amount" DESC LIMIT 2) AS "_q1" UNION ALL SELECT "_q2"."deal_id" AS "deal_id", "_q2"."amount" AS "amount" "#
                      + #"FROM (SELECT "archive"."deal_id" AS "deal_id", "archive"."amount" AS "amount" FROM "archive" LIMIT 1) AS "_q2") AS "_q3""#)
    }

    func testStepsAfterAppendApplyToTheUnion() {
        assertSQL("from archive | append archive | where amount > 5 | sort -amount",
                  #"SELECT "_q3"."deal_id" AS "deal_id", "_q3"."amount" AS "amount" FROM (SELECT "_q1"."deal_id" AS "deal_id", "#
                      + #""_q1"."amount" AS "amount" FROM (SELECT "archive"."deal_id" AS "deal_id", "archive"."amount" AS "amount" FROM "archive") AS "_q1" "#
                      + #"UNION ALL SELECT "_q2"."deal_id" AS "deal_id", "_q2"."amount" AS "amount" FROM (SELECT "archive"."deal_id" AS "deal_id", "#
                      + #""archive"."amount" AS "amount" FROM "archive") AS "_q2") AS "_q3" WHERE ("_q3"."amount" > ?1) ORDER BY "_q3"."amount" DESC"#,
                  [.integer(500)])
    }

    func testAppendParametersAreNumberedAcrossBothSides() {
        assertSQL(#"from deals | where stage == "won" | select deal_id | append (from archive | where amount > 1 | select deal_id)"#,
                  #"SELECT "_q3"."deal_id" AS "deal_id" FROM (SELECT "_q1"."deal_id" AS "deal_id" FROM (SELECT "deals"."deal_id" AS "deal_id" "#
                      + #"FROM "deals" WHERE ("deals"."stage" = ?1)) AS "_q1" UNION ALL SELECT "_q2"."deal_id" AS "deal_id" FROM "#
                      + #"(SELECT "archive"."deal_id" AS "deal_id" FROM "archive" WHERE ("archive"."amount" > ?2)) AS "_q2") AS "_q3""#,
                  [.text("won"), .integer(100)])
    }

    // MARK: - named queries and rows()

    func testNamedQueryIsInlinedAsASubqueryUnderItsName() throws {
        let tables = try CompilerFixture.tables.adding(query: "big", "from deals | where amount > 1000 | select deal_id, amount")
        assertSQL("from big | where amount < 5000",
                  #"SELECT "big"."deal_id" AS "deal_id", "big"."amount" AS "amount" FROM (SELECT "deals"."deal_id" AS "deal_id", "#
                      + #""deals"."amount" AS "amount" FROM "deals" WHERE ("deals"."amount" > ?1)) AS "big" WHERE ("big"."amount" < ?2)"#,
                  [.integer(100_000), .integer(500_000)], tables: tables)
        XCTAssertEqual(columns("from big", tables: tables),
                       [ResultColumn(name: "deal_id", type: .integer), ResultColumn(name: "amount", type: .decimal(scale: 2))])
    }

    func testNamedQueryOverANamedQueryAndJoinedUnderAnAlias() throws {
        let tables = try CompilerFixture.tables
            .adding(query: "won", #"from deals | where stage == "won""#)
            .adding(query: "won_north", #"from won | where region == "North" | select deal_id"#)
        assertSQL("from won_north",
                  #"SELECT "won_north"."deal_id" AS "deal_id" FROM (SELECT "won"."deal_id" AS "deal_id" FROM (SELECT \#(deals) "#
                      + #"FROM "deals" WHERE ("deals"."stage" = ?1)) AS "won" WHERE ("won"."region" = ?2)) AS "won_north""#,
                  [.text("won"), .text("North")], tables: tables)
        assertSQL("from deals | join won_north as w using (deal_id) | select deal_id",
                  #"SELECT "deals"."deal_id" AS "deal_id" FROM "deals" JOIN (SELECT "won"."deal_id" AS "deal_id" FROM (SELECT \#(deals) "#
                      + #"FROM "deals" WHERE ("deals"."stage" = ?1)) AS "won" WHERE ("won"."region" = ?2)) AS "w" ON "deals"."deal_id" = "w"."deal_id""#,
                  [.text("won"), .text("North")], tables: tables)
    }

    func testRowsCountsATableOrANamedQuery() throws {
        let tables = try CompilerFixture.tables.adding(query: "big", "from deals | where amount > 1000")
        assertSQL("from clients | select name, n = rows(deals), m = rows(big)",
                  #"SELECT "clients"."name" AS "name", (SELECT count(*) FROM "deals") AS "n", (SELECT count(*) FROM (SELECT \#(deals) "#
                      + #"FROM "deals" WHERE ("deals"."amount" > ?1)) AS "big") AS "m" FROM "clients""#,
                  [.integer(100_000)], tables: tables)
        XCTAssertEqual(columns("from clients | select n = rows(deals)", tables: tables), [ResultColumn(name: "n", type: .integer)])
    }

    // MARK: - scalars (let x = …)

    func testScalarExpressionCompilesToAOneRowSelect() throws {
        let query = try CompilerFixture.compileScalar("1.5k + 2.25")
        XCTAssertEqual(query.sql, #"SELECT (?1 + ?2) AS "value""#)
        XCTAssertEqual(query.parameters, [.integer(150_000), .integer(225)])
        XCTAssertEqual(query.columns, [ResultColumn(name: "value", type: .decimal(scale: 2))])
    }
}
