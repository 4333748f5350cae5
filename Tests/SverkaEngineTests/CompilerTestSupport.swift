import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// A grammar with no commands: compiler tests parse pipelines and `let` statements only.
struct CompilerTestGrammar: CommandGrammar {
    func syntax(for name: String) -> CommandSyntax? { nil }
    var commandNames: [String] { [] }
}

/// A catalog held in memory: the compiler takes any `TableResolver`, so SQL tests need no database.
struct FakeTables: TableResolver {
    var schemas: [String: TableSchema] = [:]

    init(_ schemas: [TableSchema] = []) {
        for schema in schemas { self.schemas[schema.name] = schema }
    }

    /// Adds a table with (name, logical type) columns.
    func adding(table name: String, _ columns: [(String, LogicalType)]) -> FakeTables {
        var copy = self
        copy.schemas[name] = TableSchema(name: name, kind: .table,
                                         columns: columns.map { ResultColumn(name: $0.0, type: $0.1) })
        return copy
    }

    /// Adds a named query; its columns are what compiling the definition gives.
    func adding(query name: String, _ definition: String) throws -> FakeTables {
        let source = SourceText(name: "query \(name)", text: definition)
        let pipeline = try CompilerFixture.pipeline(of: source)
        let compiled = try QueryCompiler(tables: self, source: source).compile(pipeline)
        var copy = self
        copy.schemas[name] = TableSchema(name: name, kind: .query, columns: compiled.columns, definition: definition)
        return copy
    }

    func schema(of name: String) -> TableSchema? {
        schemas[name] ?? schemas.values.first { $0.name.lowercased() == name.lowercased() }
    }

    func allNames() -> [String] { schemas.keys.sorted() }

    func pipeline(ofQuery name: String) throws(Diagnostic) -> (Pipeline, SourceText)? {
        guard let schema = schema(of: name), schema.kind == .query, let definition = schema.definition else { return nil }
        let source = SourceText(name: "query \(name)", text: definition)
        do {
            return (try CompilerFixture.pipeline(of: source), source)
        } catch let failure as CompilerFixture.ParseFailure {
            throw failure.diagnostics.first ?? Diagnostic("cannot read the named query '\(name)'")
        } catch {
            throw Diagnostic("cannot read the named query '\(name)'")
        }
    }
}

enum CompilerFixture {
    static let parser = Parser(grammar: CompilerTestGrammar())

    /// deals, clients, and a few more tables for append, type rules and name clashes.
    static let tables = FakeTables()
        .adding(table: "deals", [("deal_id", .integer), ("client_id", .integer), ("stage", .text),
                                 ("amount", .decimal(scale: 2)), ("closed_at", .date), ("region", .text)])
        .adding(table: "clients", [("client_id", .integer), ("name", .text), ("region", .text)])
        .adding(table: "archive", [("deal_id", .integer), ("amount", .decimal(scale: 2))])
        .adding(table: "refunds", [("deal_id", .integer), ("amount", .integer)])
        .adding(table: "rates", [("code", .text), ("rate", .decimal(scale: 4)), ("ratio", .number),
                                 ("at", .datetime), ("active", .bool), ("qty", .integer)])

    /// The select list of `from deals` as the compiler writes it.
    static let dealsColumns = #""deals"."deal_id" AS "deal_id", "deals"."client_id" AS "client_id", "#
        + #""deals"."stage" AS "stage", "deals"."amount" AS "amount", "deals"."closed_at" AS "closed_at", "#
        + #""deals"."region" AS "region""#

    struct ParseFailure: Error, CustomStringConvertible {
        var diagnostics: [Diagnostic]
        var description: String { diagnostics.map(\.message).joined(separator: "; ") }
    }

    static func parse(_ source: SourceText) throws -> Script {
        do {
            return try parser.parse(source)
        } catch {
            throw ParseFailure(diagnostics: error.diagnostics)
        }
    }

    /// The one pipeline of a source text.
    static func pipeline(of source: SourceText) throws -> Pipeline {
        let script = try parse(source)
        guard script.statements.count == 1, case .query(let pipeline) = script.statements[0].kind else {
            throw ParseFailure(diagnostics: [Diagnostic("not a single pipeline: \(source.text)")])
        }
        return pipeline
    }

    static func compile(_ text: String, tables: any TableResolver = CompilerFixture.tables,
                        variables: [String: Value] = [:]) throws -> CompiledQuery {
        let source = SourceText(name: "-c", text: text)
        return try QueryCompiler(tables: tables, variables: variables, source: source).compile(try pipeline(of: source))
    }

    /// Compiles `let x = EXPRESSION`'s expression, alone, as a one-row query.
    static func compileScalar(_ text: String, tables: any TableResolver = CompilerFixture.tables,
                              variables: [String: Value] = [:]) throws -> CompiledQuery {
        let source = SourceText(name: "-c", text: "let value = " + text)
        let script = try parse(source)
        guard case .letValue(_, let expression)? = script.statements.first?.kind else {
            throw ParseFailure(diagnostics: [Diagnostic("not an expression: \(text)")])
        }
        return try QueryCompiler(tables: tables, variables: variables, source: source).compileScalar(expression)
    }

    /// The byte range of the `occurrence`-th (1-based) `needle` in `text`: what a span should cover.
    static func span(of needle: String, in text: String, occurrence: Int = 1) -> Span? {
        let haystack = Array(text.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var seen = 0
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
            seen += 1
            if seen == occurrence { return Span(start: start, end: start + pattern.count) }
        }
        return nil
    }
}

/// Compiler tests: assertions on the SQL, columns and diagnostics of pipelines.
class CompilerTestCase: XCTestCase {
    /// Asserts the exact SQL and parameters a pipeline compiles to.
    func assertSQL(_ text: String, _ sql: String, _ parameters: [StoredValue] = [],
                   tables: any TableResolver = CompilerFixture.tables, variables: [String: Value] = [:],
                   file: StaticString = #filePath, line: UInt = #line) {
        do {
            let query = try CompilerFixture.compile(text, tables: tables, variables: variables)
            XCTAssertEqual(query.sql, sql, text, file: file, line: line)
            XCTAssertEqual(query.parameters, parameters, "parameters of \(text)", file: file, line: line)
        } catch {
            XCTFail("\(text): unexpected error \(error)", file: file, line: line)
        }
    }

    /// Compiles a pipeline that must compile.
    func compiled(_ text: String, tables: any TableResolver = CompilerFixture.tables, variables: [String: Value] = [:],
                  file: StaticString = #filePath, line: UInt = #line) -> CompiledQuery? {
        do {
            return try CompilerFixture.compile(text, tables: tables, variables: variables)
        } catch {
            XCTFail("\(text): unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    /// The output columns (name and logical type) of a pipeline that must compile.
    func columns(_ text: String, tables: any TableResolver = CompilerFixture.tables,
                 file: StaticString = #filePath, line: UInt = #line) -> [ResultColumn] {
        compiled(text, tables: tables, file: file, line: line)?.columns ?? []
    }

    /// The compile error of a pipeline that must not compile (parse errors fail the test).
    func compileError(_ text: String, tables: any TableResolver = CompilerFixture.tables,
                      variables: [String: Value] = [:],
                      file: StaticString = #filePath, line: UInt = #line) -> Diagnostic {
        do {
            let query = try CompilerFixture.compile(text, tables: tables, variables: variables)
            XCTFail("\(text): expected an error, compiled to \(query.sql)", file: file, line: line)
        } catch let error as Diagnostic {
            return error
        } catch {
            XCTFail("\(text): expected a compile error, got \(error)", file: file, line: line)
        }
        return Diagnostic("<none>")
    }

    /// Asserts a compile error's message, the text its span covers, and optionally a hint.
    func assertError(_ text: String, message: String, at needle: String, occurrence: Int = 1, hint: String? = nil,
                     tables: any TableResolver = CompilerFixture.tables, variables: [String: Value] = [:],
                     file: StaticString = #filePath, line: UInt = #line) {
        let error = compileError(text, tables: tables, variables: variables, file: file, line: line)
        XCTAssertEqual(error.message, message, text, file: file, line: line)
        let expected = CompilerFixture.span(of: needle, in: text, occurrence: occurrence)
        XCTAssertNotNil(expected, "'\(needle)' is not in \(text)", file: file, line: line)
        XCTAssertEqual(error.span, expected, "span of \(message): covers '\(spanText(error.span, in: text))'",
                       file: file, line: line)
        if let hint {
            XCTAssertTrue(error.hints.contains(hint), "hints \(error.hints) lack '\(hint)'", file: file, line: line)
        }
    }

    /// A known bug: skips the test (so CI stays green) while `stillBroken` holds, with what goes
    /// wrong in the message; once the bug is fixed the test runs the assertions that follow.
    func skipKnownBug(_ stillBroken: Bool, _ message: String) throws {
        if stillBroken { throw XCTSkip("BUG: " + message) }
    }

    /// The SQL of a pipeline, or the error message when it does not compile.
    func sqlOrError(_ text: String, tables: any TableResolver = CompilerFixture.tables) -> String {
        do {
            return try CompilerFixture.compile(text, tables: tables).sql
        } catch let error as Diagnostic {
            return "error: " + error.message
        } catch {
            return "error: \(error)"
        }
    }

    func spanText(_ span: Span?, in text: String) -> String {
        guard let span else { return "<no span>" }
        return SourceText(name: "-c", text: text).slice(span)
    }

    /// An exact decimal value for expectations: `money("12.34")` is 1234 minor units, scale 2.
    func money(_ text: String, scale: Int = 2) -> Value {
        guard let value = ExactDecimal(parsing: Substring(text)), value.scale <= scale,
              let scaled = value.rescaled(to: scale) else {
            preconditionFailure("bad money literal \(text)")
        }
        return .decimal(scaled)
    }

    func day(_ text: String) -> Value {
        guard let value = CalendarDate(iso: Substring(text)) else { preconditionFailure("bad date \(text)") }
        return .date(value)
    }
}

/// Runs pipelines on a real in-memory workspace: tables made from CSV text through `CSVLoader`,
/// or declared through the catalog and filled with SQL.
class QueryTestCase: CompilerTestCase {
    var workspace: Workspace!
    var directory = URL(fileURLWithPath: NSTemporaryDirectory())

    override func setUpWithError() throws {
        workspace = try Workspace(path: nil)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-query-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        workspace = nil
        try? FileManager.default.removeItem(at: directory)
    }

    var tables: WorkspaceTables { WorkspaceTables(catalog: workspace.catalog) }

    /// Loads CSV text (header in row 1) as a table through the real loader.
    @discardableResult
    func load(_ csv: String, as table: String, types: [String: LogicalType] = [:]) throws -> LoadReport {
        let path = directory.appendingPathComponent("\(table)-\(UUID().uuidString).csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return try CSVLoader().load(LoadRequest(path: path, table: table, options: LoadOptions(columnTypes: types)),
                                    into: workspace)
    }

    /// One row of the sample deals, with money in kopecks so that expectations are exact integers.
    struct SampleDeal {
        var id: Int64
        var client: Int64
        var stage: String
        var cents: Int64
        var closed: String?
        var region: String
    }

    static let sampleDeals: [SampleDeal] = [
        SampleDeal(id: 1, client: 10, stage: "won", cents: 150_010, closed: "2026-01-15", region: "North"),
        SampleDeal(id: 2, client: 10, stage: "lost", cents: 25_055, closed: "2026-02-20", region: "North"),
        SampleDeal(id: 3, client: 11, stage: "won", cents: 9_999, closed: "2026-02-28", region: "South"),
        SampleDeal(id: 4, client: 12, stage: "won", cents: -1_525, closed: "2026-03-31", region: "South"),
        SampleDeal(id: 5, client: 11, stage: "open", cents: 100_000_001, closed: nil, region: "East"),
        SampleDeal(id: 6, client: 13, stage: "won", cents: 100_000, closed: "2026-03-01", region: "North"),
        SampleDeal(id: 7, client: 99, stage: "won", cents: 5, closed: "2026-01-02", region: "West"),
    ]

    /// (client_id, name, region); client 99 of deal 7 has no row.
    static let sampleClients: [(Int64, String, String)] = [
        (10, "ООО Ромашка", "North"), (11, "ИП Иванов", "South"), (12, "АО Вектор", "South"), (13, "Acme", "North"),
    ]

    /// Cents as CSV text: 150010 → "1500.10", -1525 → "-15.25".
    static func csvMoney(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// Loads `deals` and `clients` from the sample rows through the CSV loader.
    func loadSampleTables() throws {
        var deals = "deal_id,client_id,stage,amount,closed_at,region\n"
        for deal in Self.sampleDeals {
            deals += "\(deal.id),\(deal.client),\(deal.stage),\(Self.csvMoney(deal.cents)),\(deal.closed ?? ""),\(deal.region)\n"
        }
        try load(deals, as: "deals", types: ["deal_id": .integer, "client_id": .integer, "stage": .text,
                                             "amount": .decimal(scale: 2), "closed_at": .date, "region": .text])
        var clients = "client_id,name,region\n"
        for (id, name, region) in Self.sampleClients { clients += "\(id),\(name),\(region)\n" }
        try load(clients, as: "clients", types: ["client_id": .integer, "name": .text, "region": .text])
    }

    /// Declares a table through the catalog and inserts stored values, bypassing the loader.
    func makeTable(_ name: String, _ columns: [(String, LogicalType)], rows: [[StoredValue]]) throws {
        let quoted = { (text: String) in "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let declarations = columns.map { "\(quoted($0.0)) \($0.1.storageDeclaration)" }.joined(separator: ", ")
        try workspace.database.execute("CREATE TABLE \(quoted(name)) (\(declarations))")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        for row in rows {
            try workspace.database.run("INSERT INTO \(quoted(name)) VALUES (\(placeholders))", row)
        }
        try workspace.catalog.register(table: name, columns: columns.map { ResultColumn(name: $0.0, type: $0.1) },
                                       source: nil)
    }

    /// Saves `let NAME = PIPELINE` the way the session does: compiled first, then stored as text.
    func define(_ name: String, _ definition: String) throws {
        let source = SourceText(name: "-c", text: definition)
        let query = try QueryCompiler(tables: tables, source: source).compile(try CompilerFixture.pipeline(of: source))
        try workspace.catalog.saveQuery(name: name, definition: definition, columns: query.columns)
    }

    func compileQuery(_ text: String, variables: [String: Value] = [:]) throws -> CompiledQuery {
        try CompilerFixture.compile(text, tables: tables, variables: variables)
    }

    /// Runs a pipeline and returns its typed columns and rows.
    func run(_ text: String, variables: [String: Value] = [:]) throws -> (columns: [ResultColumn], rows: [[Value]]) {
        let query = try compileQuery(text, variables: variables)
        var rows: [[Value]] = []
        try QueryRunner(database: workspace.database).run(query) { rows.append($0) }
        return (query.columns, rows)
    }

    /// The rows of a pipeline.
    func rows(_ text: String, variables: [String: Value] = [:]) throws -> [[Value]] {
        try run(text, variables: variables).rows
    }

    /// The single value of a one-row, one-column pipeline.
    func single(_ text: String, variables: [String: Value] = [:],
                file: StaticString = #filePath, line: UInt = #line) throws -> Value {
        let result = try rows(text, variables: variables)
        XCTAssertEqual(result.count, 1, "rows of \(text)", file: file, line: line)
        XCTAssertEqual(result.first?.count, 1, "columns of \(text)", file: file, line: line)
        return result.first?.first ?? .null
    }

    /// The value of an expression that reads no table, as `let x = …` evaluates it.
    func evaluate(_ expression: String, variables: [String: Value] = [:]) throws -> Value {
        let query = try CompilerFixture.compileScalar(expression, tables: tables, variables: variables)
        return try QueryRunner(database: workspace.database).scalar(query)
    }
}

