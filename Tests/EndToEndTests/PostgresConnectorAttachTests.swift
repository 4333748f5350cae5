import Foundation
import XCTest

/// `attach postgres` end to end, and how connecting fails: pipelines over an attached server's
/// tables (made by psql) run there, and their results are checked against figures computed
/// here from the same rows.
final class PostgresConnectorAttachTests: XCTestCase {
    /// Deals 1…30: client 1 + id % 2, won when id % 3 == 0, amount id × 100.01.
    static func makeServerTables(_ fixture: PostgresConnectorFixture) throws -> (deals: String, clients: String) {
        let deals = try fixture.serverTable("deals", "(deal_id bigint, client_id integer, stage text, amount numeric(14,2), closed_at date)")
        try fixture.psql("""
            INSERT INTO \(deals) SELECT g, 1 + g % 2, CASE WHEN g % 3 = 0 THEN 'won' ELSE 'lost' END, g * 100.01,
                                        DATE '2026-01-01' + g FROM generate_series(1, 30) g
            """)
        let clients = try fixture.serverTable("clients", "(client_id integer, name text)", rows: "(1, 'ООО Ромашка'), (2, 'ИП Иванов')")
        return (deals, clients)
    }

    static func money(_ kopecks: Int) -> String { "\(kopecks / 100).\(String(format: "%02d", kopecks % 100))" }

    func testPipelinesOverAttachedTablesRunOnTheServer() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let (deals, clients) = try Self.makeServerTables(fixture)
        try fixture.write("deals.csv", "deal_id,client_id,amount\n1,1,10.00\n")
        let result = try fixture.run("""
            load "deals.csv" as deals
            attach postgres "\(fixture.url)" as wh
            attachments
            explain from wh.\(deals) | where stage == "won" | group client_id (revenue = sum(amount))
            from wh.\(deals) | where stage == "won" | group client_id (revenue = sum(amount), n = count()) | sort client_id
            export from wh.\(deals) | where stage == "won" | sort deal_id | select deal_id, amount, closed_at to "won.csv"
            let n = rows(wh.\(deals))
            print "{$n} deals"
            let big = from wh.\(deals) | where amount > 1000
            explain from big | group stage (n = count())
            from big | group stage (n = count(), total = sum(amount)) | sort stage
            from deals | join wh.\(clients) using (client_id)
            print "not reached"
            """)
        XCTAssertEqual(result.exitCode, 1, result.stderr)

        let listed = try XCTUnwrap(result.lines.first { $0.hasPrefix("wh,postgres ") }, result.stdout)
        XCTAssertTrue(listed.contains(deals) && listed.contains(clients), listed)
        XCTAssertFalse(listed.contains(try XCTUnwrap(ProcessInfo.processInfo.environment["PGPASSWORD"])))

        let explained = result.lines.filter { $0.hasPrefix("engine: ") }
        XCTAssertEqual(explained.count, 2, result.stdout)
        XCTAssertTrue(explained.allSatisfy { $0.hasPrefix("engine: PostgreSQL on wh (") }, result.stdout)
        // The literal travels as a typed parameter, never spliced into the SQL.
        let sql = try XCTUnwrap(result.lines.first { $0.hasPrefix("sql: ") })
        XCTAssertTrue(sql.contains("$1::text") && !sql.contains("'won'"), sql)
        XCTAssertTrue(result.lines.contains("parameters: $1 = 'won'"), result.stdout)

        let ids = Array(1...30)
        let won = ids.filter { $0 % 3 == 0 }
        let revenue = [1, 2].map { client in
            let mine = won.filter { 1 + $0 % 2 == client }
            return "\(client),\(Self.money(mine.reduce(0) { $0 + $1 * 10001 })),\(mine.count)"
        }
        assertConsecutiveLines(result.lines, ["client_id,revenue,n"] + revenue)

        let exported = try String(contentsOf: fixture.folder.appendingPathComponent("won.csv"), encoding: .utf8)
        // closed_at is 1 January plus the id: all in January.
        XCTAssertEqual(exported, "deal_id,amount,closed_at\n"
                       + won.map { "\($0),\(Self.money($0 * 10001)),2026-01-\(String(format: "%02d", 1 + $0))\n" }.joined())

        XCTAssertTrue(result.lines.contains("30 deals"), result.stdout)
        let big = ids.filter { $0 * 10001 > 100_000 }
        let groups = ["lost", "won"].map { stage in
            let mine = big.filter { ($0 % 3 == 0) == (stage == "won") }
            return "\(stage),\(mine.count),\(Self.money(mine.reduce(0) { $0 + $1 * 10001 }))"
        }
        assertConsecutiveLines(result.lines, ["stage,n,total"] + groups)

        XCTAssertTrue(result.stderr.contains("error: this query reads workspace tables and tables of 'wh': a query runs on one engine"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("--> x.sv:12:1"), result.stderr)
        XCTAssertTrue(result.stderr.contains("12 | from deals | join wh."), result.stderr)
        XCTAssertTrue(result.stderr.contains("| ^^^^"), result.stderr)
        XCTAssertFalse(result.stdout.contains("not reached"))
    }

    /// An attached table reads as the same table loaded with `load postgres`, value for value,
    /// and a filter on the server finds what it finds in the workspace.
    func testAnAttachedTableReadsLikeTheLoadedTable() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let (table, rows) = try PostgresConnectorLoadTests.typesTable(fixture)
        let filter = #"where r == 0.1 or bare == 2.125 or inn == "007701234567" or d == @2024-02-29 | select id | sort id"#
        let result = try fixture.run("""
            load postgres "\(fixture.url)" table \(table) as t
            attach postgres "\(fixture.url)" as wh
            from wh.\(table) | sort id
            from t | \(filter)
            from wh.\(table) | \(filter)
            """)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, rows.joined(separator: "\n") + "\nid\n1\n2\n4\nid\n1\n2\n4\n")
    }

    func testAttachNamesThatCannotBeUsedAndDetach() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let (deals, _) = try Self.makeServerTables(fixture)
        try fixture.write("clients.csv", "client_id,name\n1,a\n")

        let dotted = try fixture.run("attach postgres \"\(fixture.url)\" as a.b")
        XCTAssertEqual(dotted.exitCode, 1, dotted.stderr)
        XCTAssertTrue(dotted.stderr.contains("error: an attachment's name is one word, not 'a.b'"), dotted.stderr)
        XCTAssertTrue(dotted.stderr.contains("--> x.sv:1:"), dotted.stderr)

        let clash = try fixture.run("load \"clients.csv\" as crm.deals\nattach postgres \"\(fixture.url)\" as crm")
        XCTAssertEqual(clash.exitCode, 1, clash.stderr)
        XCTAssertTrue(clash.stderr.contains("error: 'crm' already begins the workspace table 'crm.deals'"), clash.stderr)
        XCTAssertTrue(clash.stderr.contains("--> x.sv:2:"), clash.stderr)

        // The other way round: while wh is attached, no workspace table may be named wh.something.
        let hidden = try fixture.run("attach postgres \"\(fixture.url)\" as wh\nload \"clients.csv\" as wh.\(deals)")
        XCTAssertEqual(hidden.exitCode, 1, hidden.stderr)
        XCTAssertTrue(hidden.stderr.contains("error: 'wh' is an attached server: a table named 'wh.\(deals)' would be confused with its tables"),
                      hidden.stderr)
        XCTAssertTrue(hidden.stderr.contains("--> x.sv:2:"), hidden.stderr)

        let nothing = try fixture.run("detach x")
        XCTAssertEqual(nothing.exitCode, 1, nothing.stderr)
        XCTAssertTrue(nothing.stderr.contains("error: nothing is attached as 'x'"), nothing.stderr)

        // After detach the server's tables are gone from pipelines, and attachments lists none.
        let detached = try fixture.run("""
            attach postgres "\(fixture.url)" as wh
            detach wh
            attachments
            from wh.\(deals)
            """)
        XCTAssertEqual(detached.exitCode, 1, detached.stderr)
        XCTAssertTrue(detached.stderr.contains("detached wh"), detached.stderr)
        XCTAssertEqual(detached.stdout, "name,server,tables,names\n")
        XCTAssertTrue(detached.stderr.contains("--> x.sv:4:"), detached.stderr)
    }

    /// PostgreSQL fails while running a pipeline it was given: the error points at the statement.
    func testAServerErrorInAPushedDownPipelineHasACaret() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let (deals, _) = try Self.makeServerTables(fixture)
        let result = try fixture.run("""
            attach postgres "\(fixture.url)" as wh
            # a date a hundred million months on is past PostgreSQL's timestamps
            from wh.\(deals) | select deal_id, far = add_months(closed_at, 100000000)
            print "not reached"
            """)
        XCTAssertEqual(result.exitCode, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("error: postgres: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("(SQLSTATE 22008)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--> x.sv:3:1"), result.stderr)
        XCTAssertTrue(result.stderr.contains("3 | from wh.\(deals) | select"), result.stderr)
        XCTAssertTrue(result.stderr.contains("| ^^^^"), result.stderr)
        XCTAssertFalse(result.stdout.contains("not reached"))
    }

    func testConnectingFailsWithAReasonAndNeverShowsAPassword() throws {
        let fixture = try PostgresConnectorFixture()
        defer { fixture.cleanUp() }
        let address = try XCTUnwrap(URLComponents(string: fixture.url))
        let host = try XCTUnwrap(address.host), port = try XCTUnwrap(address.port), user = try XCTUnwrap(address.user)
        let database = String(address.path.dropFirst())
        let wrong = "wrong-Zq9-password"

        for statement in ["attach postgres \"\(fixture.url)\" as wh", "load postgres \"\(fixture.url)\" query \"select 1 as x\" as t",
                          "export from t to postgres \"\(fixture.url)\" table \(fixture.tableName("never"))"] {
            let script = statement.hasPrefix("export") ? "load \"t.csv\" as t\n\(statement)" : statement
            try fixture.write("t.csv", "x\n1\n")
            let result = try fixture.run(script, environment: ["PGPASSWORD": wrong])
            XCTAssertEqual(result.exitCode, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("error: password authentication failed for user \(user)"), result.stderr)
            XCTAssertFalse(result.stderr.contains(wrong) || result.stdout.contains(wrong), result.stderr)
        }

        // Refused as written, before connecting: nothing listens on port 1.
        let secret = "hunter2-Xy7"
        for url in ["postgres://\(user):\(secret)@127.0.0.1:1/\(database)", "postgres://\(user)@127.0.0.1:1/\(database)?password=\(secret)"] {
            let result = try fixture.run("attach postgres \"\(url)\" as wh")
            XCTAssertEqual(result.exitCode, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("error: the address holds a password"), result.stderr)
            XCTAssertFalse(result.stderr.contains("cannot connect"), result.stderr)
            XCTAssertFalse(result.stderr.contains(secret), result.stderr)
        }

        let unreachable = try fixture.run("attach postgres \"postgres://\(user)@127.0.0.1:1/\(database)\" as wh")
        XCTAssertEqual(unreachable.exitCode, 1, unreachable.stderr)
        XCTAssertTrue(unreachable.stderr.contains("error: cannot connect to 127.0.0.1:1"), unreachable.stderr)

        let missing = fixture.uniqueName("no_such_db")
        let unknown = try fixture.run("load postgres \"postgres://\(user)@\(host):\(port)/\(missing)\" table x as t")
        XCTAssertEqual(unknown.exitCode, 1, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("error: there is no database \(missing)"), unknown.stderr)
    }
}
