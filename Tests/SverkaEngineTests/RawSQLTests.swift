import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// `sql` reads; `sql write` writes the user's tables, atomically, and never sverka's own.
final class RawSQLTests: QueryTestCase {
    private var raw: RawSQL { RawSQL(workspace: workspace) }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try load("id,amount\n1,10.50\n2,20.00\n3,30.25\n", as: "deals", types: ["id": .integer])
    }

    private func count(_ sql: String) throws -> Int64 {
        guard case .integer(let value)? = try workspace.database.scalar(sql) else { return -1 }
        return value
    }

    private func assertRefused(_ sql: String, writing: Bool, containing text: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try writing ? raw.write(sql).result : raw.read(sql), file: file, line: line) { error in
            let message = (error as? Diagnostic)?.message ?? "\(error)"
            XCTAssertTrue(message.contains(text), "\(message)", file: file, line: line)
        }
    }

    func testReadingReturnsRows() throws {
        let result = try raw.read("select id, amount from deals order by id")
        XCTAssertEqual(result.rows, [[.integer(1), .integer(1050)], [.integer(2), .integer(2000)], [.integer(3), .integer(3025)]])
    }

    func testReadingRefusesEveryKindOfWrite() throws {
        for sql in ["delete from deals", "update deals set amount = 0", "insert into deals values (4, 1)",
                    "create table t (a)", "drop table deals", "create temp table t (a)", "vacuum"] {
            assertRefused(sql, writing: false, containing: "sql only reads")
        }
        XCTAssertEqual(try count("select count(*) from deals"), 3)
    }

    func testNeitherMayTakeOverTheConnection() {
        for writing in [false, true] {
            assertRefused("begin", writing: writing, containing: "transactions")
            assertRefused("savepoint x", writing: writing, containing: "transactions")
            assertRefused("attach ':memory:' as other", writing: writing, containing: "attach")
            assertRefused("pragma foreign_keys = on", writing: writing, containing: "pragma 'foreign_keys'")
            assertRefused("pragma writable_schema = 1", writing: writing, containing: "pragma 'writable_schema'")
        }
        XCTAssertNoThrow(try raw.read("pragma table_info(deals)"))
        XCTAssertNoThrow(try raw.read("select name from pragma_table_info('deals')"))
    }

    func testWritingReportsTheRowsItChanged() throws {
        let expected = try count("select count(*) from deals where amount > 1500")
        let report = try raw.write("update deals set amount = amount + 1 where amount > 1500")
        XCTAssertEqual(Int64(report.rowsChanged), expected)
        XCTAssertEqual(try count("select sum(amount) from deals"), 1050 + 2001 + 3026)
    }

    func testAWriteThatFailsHalfWayChangesNothing() throws {
        try raw.write("create unique index deals_id on deals (id)")
        // The first row inserts, the second collides with id 2: all or nothing.
        assertRefused("insert into deals select id + 2, amount from deals", writing: true, containing: "UNIQUE")
        XCTAssertEqual(try count("select count(*) from deals"), 3)
    }

    func testSverkasOwnTablesAreOutOfReach() throws {
        assertRefused("delete from _sverka_columns", writing: true, containing: "sverka's own tables")
        assertRefused("update _sverka_sources set rows = 0", writing: true, containing: "sverka's own tables")
        assertRefused("drop table _sverka_tables", writing: true, containing: "sverka's own tables")
        assertRefused("create table _sverka_mine (a)", writing: true, containing: "reserved")
        assertRefused("create index x on _sverka_columns (name)", writing: true, containing: "sverka's own tables")
        assertRefused("create trigger t after insert on deals begin select 1; end", writing: true, containing: "triggers")
    }

    func testAWriteThroughATriggerIsSeen() throws {
        // A trigger made outside sverka: the authorizer sees its body when the insert compiles.
        try workspace.database.execute("""
            CREATE TRIGGER sneak AFTER INSERT ON deals BEGIN DELETE FROM _sverka_columns; END
            """)
        assertRefused("insert into deals values (4, 400)", writing: true, containing: "through 'sneak'")
        XCTAssertEqual(try count("select count(*) from deals"), 3)
    }

    func testCatalogTablesKeepTheirShape() throws {
        assertRefused("drop table deals", writing: true, containing: "catalog")
        assertRefused("alter table deals add column note text", writing: true, containing: "ALTER TABLE")
        let made = try raw.write("create table copy as select * from deals")
        XCTAssertEqual(made.made, ["created table copy (3 rows)"])
        XCTAssertEqual(try raw.write("drop table copy").made, ["dropped table copy"])
    }

    func testAChangedLoadedTableIsReloadedFromAnUnchangedFile() throws {
        let path = directory.appendingPathComponent("same.csv").path
        try Data("id,amount\n1,5.00\n".utf8).write(to: URL(fileURLWithPath: path))
        let request = LoadRequest(path: path, table: "same", options: LoadOptions())
        _ = try CSVLoader().load(request, into: workspace)
        try raw.write("delete from same")
        let again = try CSVLoader().load(request, into: workspace)
        XCTAssertFalse(again.unchanged)
        XCTAssertEqual(try count("select count(*) from same"), 1)
    }

    func testReturningRowsComeBack() throws {
        let report = try raw.write("insert into deals values (9, 900) returning id")
        XCTAssertEqual(report.result.rows, [[.integer(9)]])
        XCTAssertEqual(report.rowsChanged, 1)
    }
}
