import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// A small result with every kind of value an export must write exactly: Cyrillic, quotes and
/// line breaks, nulls, empty text, money of scales 0, 2 and 3 with negatives, floats, dates,
/// datetimes, bools, and text that a spreadsheet would run as a formula.
class ExportTestCase: XCTestCase {
    var directory = URL(fileURLWithPath: NSTemporaryDirectory())
    private var openWorkspace: Workspace?

    /// The in-memory workspace holding table `t`.
    func workspace() throws -> Workspace { try XCTUnwrap(openWorkspace) }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let workspace = try Workspace(path: nil)
        openWorkspace = workspace
        try workspace.database.execute("""
            CREATE TABLE t (id INTEGER, name TEXT, amount INTEGER, whole INTEGER, precise INTEGER, ratio REAL,
                            closed_at TEXT, stamp TEXT, won INTEGER);
            INSERT INTO t VALUES
              (1, 'ООО "Ромашка"', 125000050, 7, 1500, 0.25, '2026-02-20', '2026-02-20 14:05:00', 1),
              (2, '=SUM(A1)', -123456, -3, -5, NULL, '1999-12-31', NULL, 0),
              (3, '-минус' || char(10) || 'вторая, строка', 0, 0, 0, -2.5, NULL, NULL, NULL),
              (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (5, '', 5, 1000000, 123456, 3, '2026-11-30', '2026-11-30 00:00:00', 1),
              (6, '''=x', -1, 12, -1000, 0.1, '1900-01-15', '2000-02-29 23:59:59', 0);
            """)
    }

    override func tearDownWithError() throws {
        openWorkspace = nil
        try? FileManager.default.removeItem(at: directory)
    }

    static let columns = [
        ResultColumn(name: "id", type: .integer), ResultColumn(name: "name", type: .text),
        ResultColumn(name: "amount", type: .decimal(scale: 2)), ResultColumn(name: "whole", type: .decimal(scale: 0)),
        ResultColumn(name: "precise", type: .decimal(scale: 3)), ResultColumn(name: "ratio", type: .number),
        ResultColumn(name: "closed_at", type: .date), ResultColumn(name: "stamp", type: .datetime),
        ResultColumn(name: "won", type: .bool),
    ]

    /// The fixture's rows as a compiled query would hand them over.
    func query(where condition: String = "1") -> CompiledQuery {
        CompiledQuery(sql: "SELECT * FROM t WHERE \(condition) ORDER BY id", parameters: [], columns: Self.columns,
                      engine: "SQLite")
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Exports the fixture and returns the file's bytes.
    @discardableResult
    func export(to name: String, _ options: ExportOptions = ExportOptions(), query: CompiledQuery? = nil,
                sheet: String = "t") throws -> Data {
        let request = ExportRequest(path: name, filePath: path(name), options: options, sheetName: sheet)
        _ = try Exporter().export(query ?? self.query(), request, from: workspace().database)
        return try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }

    /// Options from `key: value` text, parsed the way a statement's `with (…)` is.
    func options(_ text: String) throws -> ExportOptions {
        let source = SourceText(name: "test", text: "x with (\(text))")
        let script = try Parser(grammar: ExportOptionsGrammar()).parse(source)
        guard case .command(let invocation) = script.statements.first?.kind,
              case .options(let entries)? = invocation.clause("with")?.value else {
            throw Diagnostic("the test's options did not parse")
        }
        return try ExportOptionReader.read(entries)
    }

    /// The names in the export folder: what a failed export must not leave behind.
    func folderContents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func assertText(_ data: Data, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let actual = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(actual, expected, file: file, line: line)
        XCTAssertEqual(data, Data(expected.utf8), "bytes differ", file: file, line: line)
    }
}

/// One command, `x`, taking options: enough to parse `with (…)` as the shell does.
struct ExportOptionsGrammar: CommandGrammar {
    func syntax(for name: String) -> CommandSyntax? {
        name == "x" ? CommandSyntax(name: "x", clauses: [ClauseSyntax(["with"], .options)]) : nil
    }

    var commandNames: [String] { ["x"] }
}

final class ExportFixtureTests: ExportTestCase {
    func testTheFixtureDecodesAsTyped() throws {
        var rows: [[Value]] = []
        try QueryRunner(database: workspace().database).run(query()) { rows.append($0) }
        XCTAssertEqual(rows.count, 6)
        XCTAssertEqual(rows[1][2], .decimal(ExactDecimal(units: -123456, scale: 2)))
        XCTAssertEqual(rows[0][7], .datetime(try XCTUnwrap(CalendarDateTime(iso: "2026-02-20 14:05:00"))))
    }
}
