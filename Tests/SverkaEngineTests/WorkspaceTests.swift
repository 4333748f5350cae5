import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class WorkspaceTests: XCTestCase {
    private var directory = URL(fileURLWithPath: NSTemporaryDirectory())

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testCreatesAWorkspaceWithSystemTables() throws {
        let path = file("new.sverka")
        let workspace = try Workspace(path: path)
        XCTAssertEqual(workspace.path, path)
        let tables = try workspace.database.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
            $0.text(at: 0)
        }
        XCTAssertEqual(tables, ["_sverka_audit", "_sverka_columns", "_sverka_journal", "_sverka_links", "_sverka_masters",
                                "_sverka_meta", "_sverka_models", "_sverka_role_fields", "_sverka_roles",
                                "_sverka_run_statements", "_sverka_runs", "_sverka_scenarios", "_sverka_scripts",
                                "_sverka_sources", "_sverka_tables"])
        XCTAssertEqual(try workspace.database.scalar("SELECT value FROM _sverka_meta WHERE key = 'schema_version'"), .text("6"))
        XCTAssertEqual(try workspace.tables(), [])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testReopensWithTablesQueriesAndSources() throws {
        let path = file("w.sverka")
        let csv = file("deals.csv")
        try "id,amount\n1,10.50\n2,3.25\n".write(toFile: csv, atomically: true, encoding: .utf8)
        do {
            let workspace = try Workspace(path: path)
            _ = try CSVLoader().load(LoadRequest(path: csv, table: "deals"), into: workspace)
            try workspace.catalog.saveQuery(name: "big", definition: "from deals | where amount > 5",
                                            columns: [ResultColumn(name: "id", type: .integer),
                                                      ResultColumn(name: "amount", type: .decimal(scale: 2))])
        }
        let reopened = try Workspace(path: path)
        let tables = try reopened.tables()
        XCTAssertEqual(tables.map(\.name), ["big", "deals"])
        XCTAssertEqual(tables[0], TableSummary(name: "big", kind: .query, rows: nil, columnCount: 2,
                                               source: "from deals | where amount > 5"))
        XCTAssertEqual(tables[1].rows, 2)
        XCTAssertEqual(tables[1].source, URL(fileURLWithPath: csv).standardizedFileURL.path)
        XCTAssertEqual(reopened.catalog.schema(of: "deals")?.columns,
                       [ResultColumn(name: "id", type: .integer), ResultColumn(name: "amount", type: .decimal(scale: 2))])
        XCTAssertEqual(try reopened.database.scalar("SELECT sum(amount) FROM deals"), .integer(1375))
    }

    func testTextFileIsRefusedAndLeftUntouched() throws {
        let path = file("deals.csv")
        try "id,amount\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Workspace(path: path)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "'\(path)' is not a sverka workspace: it is not a SQLite database")
            XCTAssertEqual(diagnostic?.hints.first, "the file was not changed")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["deals.csv"])
    }

    func testForeignSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        let path = file("other.db")
        do {
            let other = try SQLiteDatabase(path: path)
            try other.execute("PRAGMA journal_mode=DELETE; CREATE TABLE invoices(id INTEGER); INSERT INTO invoices VALUES (1)")
        }
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Workspace(path: path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "'\(path)' is not a sverka workspace: it is a SQLite database of another program (tables 'invoices')")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testEmptyFileIsRefusedAndLeftUntouched() throws {
        let path = file("empty.sverka")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        XCTAssertThrowsError(try Workspace(path: path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "'\(path)' is not a sverka workspace: it is empty")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["empty.sverka"])
    }

    /// A new workspace is made under a hidden name and linked into place complete, so nothing but
    /// the workspace is left; the hidden file of a creation killed half-way goes at the next one.
    func testCreationLeavesOnlyTheWorkspace() throws {
        let abandoned = file(".new.sverka.new-999999999")
        XCTAssertTrue(FileManager.default.createFile(atPath: abandoned, contents: Data()))
        XCTAssertTrue(FileManager.default.createFile(atPath: abandoned + "-wal", contents: Data()))
        do {
            let workspace = try Workspace(path: file("new.sverka"))
            XCTAssertEqual(try workspace.tables(), [])
        }
        // Closed: SQLite folds the WAL back and removes it with the -shm.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["new.sverka"])
    }

    func testDirectoryAndMissingParentAreClearErrors() throws {
        XCTAssertThrowsError(try Workspace(path: directory.path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "cannot open workspace '\(directory.path)': it is a directory")
        }
        let missing = file("no/such/dir/w.sverka")
        XCTAssertThrowsError(try Workspace(path: missing)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "cannot create '\(missing)': No such file or directory")
        }
    }

    func testNewerSchemaVersionIsRefused() throws {
        let path = file("future.sverka")
        do {
            let workspace = try Workspace(path: path)
            try workspace.database.execute("UPDATE _sverka_meta SET value = '99' WHERE key = 'schema_version'")
        }
        XCTAssertThrowsError(try Workspace(path: path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "workspace '\(path)' was written by a newer sverka (schema version 99; this one knows 6)")
        }
    }

    func testVersionOneWorkspaceIsUpgradedKeepingItsTables() throws {
        let path = file("old.sverka")
        let version1 = ["_sverka_columns", "_sverka_meta", "_sverka_sources", "_sverka_tables"]
        let latest: StoredValue?
        do {
            // A version-1 workspace: the later migrations' tables removed, the version set back.
            let workspace = try Workspace(path: path)
            latest = try workspace.database.scalar("SELECT value FROM _sverka_meta WHERE key = 'schema_version'")
            let later = try workspace.database.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_sverka\\_%' ESCAPE '\\'") {
                $0.text(at: 0)
            }.filter { !version1.contains($0) }
            for table in later { try workspace.database.execute("DROP TABLE \(table)") }
            try workspace.database.execute("""
                UPDATE _sverka_meta SET value = '1' WHERE key = 'schema_version';
                CREATE TABLE kept(x INTEGER); INSERT INTO kept VALUES (7);
                """)
        }
        let workspace = try Workspace(path: path)
        XCTAssertEqual(try workspace.database.scalar("SELECT value FROM _sverka_meta WHERE key = 'schema_version'"), latest)
        XCTAssertEqual(try workspace.database.scalar("SELECT count(*) FROM _sverka_roles"), .integer(0))
        XCTAssertEqual(try workspace.database.scalar("SELECT x FROM kept"), .integer(7))
    }

    func testDescribeShowsTypesNullsExamplesAndNotes() throws {
        let csv = file("clients.csv")
        try "id,inn,since,vip\n1,007701234567,2026-01-05,true\n2,,2026-02-01,false\n3,007702000001,,\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let workspace = try Workspace(path: nil)
        _ = try CSVLoader().load(LoadRequest(path: csv, table: "clients"), into: workspace)
        let description = try workspace.describe("CLIENTS")
        XCTAssertEqual(description.name, "clients")
        XCTAssertEqual(description.rows, 3)
        XCTAssertEqual(description.columns.map(\.type), [.integer, .text, .date, .bool])
        XCTAssertEqual(description.columns.map(\.nullCount), [0, 1, 1, 1])
        XCTAssertEqual(description.columns[1].examples, [.text("007701234567"), .text("007702000001")])
        XCTAssertEqual(description.columns[2].examples.first, CalendarDate(year: 2026, month: 1, day: 5).map(Value.date))
        XCTAssertEqual(description.columns[3].examples, [.bool(true), .bool(false)])
        XCTAssertTrue(description.notes.contains("inn: text (leading zeros)"), "\(description.notes)")
    }

    func testDropTableAndQueryWithDidYouMean() throws {
        let csv = file("deals.csv")
        try "id\n1\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let workspace = try Workspace(path: nil)
        _ = try CSVLoader().load(LoadRequest(path: csv, table: "deals"), into: workspace)
        try workspace.catalog.saveQuery(name: "ones", definition: "from deals", columns: [ResultColumn(name: "id", type: .integer)])
        XCTAssertThrowsError(try workspace.drop("deal")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "no table or named query named 'deal'")
            XCTAssertEqual((error as? Diagnostic)?.hints, ["did you mean 'deals'?"])
        }
        try workspace.drop("deals")
        try workspace.drop("ones")
        XCTAssertEqual(try workspace.tables(), [])
        XCTAssertNil(try workspace.database.scalar("SELECT 1 FROM sqlite_master WHERE name = 'deals'"))
        XCTAssertNil(workspace.catalog.source(of: "deals"))
    }

    func testTablesMadeWithRawSQLAreVisibleAndDroppable() throws {
        let workspace = try Workspace(path: nil)
        try workspace.database.execute("CREATE TABLE scratch(n INTEGER, label TEXT, ratio REAL)")
        let schema = try XCTUnwrap(workspace.catalog.schema(of: "scratch"))
        XCTAssertEqual(schema.columns.map(\.type), [.integer, .text, .number])
        XCTAssertEqual(try workspace.tables().map(\.name), ["scratch"])
        try workspace.drop("scratch")
        XCTAssertEqual(try workspace.tables(), [])
    }
}
