import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// The `map` command's syntax as the shell declares it, so that tests build requests from the
/// same text a user types.
struct MappingTestGrammar: CommandGrammar {
    static let map = CommandSyntax(name: "map", positionals: [Slot("table", .word(.table))],
                                   clauses: [ClauseSyntax(["as"], .word(.role), required: true),
                                             ClauseSyntax(unkeyed: "fields", .assignments),
                                             ClauseSyntax(["with"], .options)])

    func syntax(for name: String) -> CommandSyntax? { name == "map" ? Self.map : nil }
    var commandNames: [String] { ["map"] }
}

/// A workspace in memory with CSV files loaded into it, and `map` statements run against it.
final class MappingFixture {
    let workspace: Workspace
    private let directory: URL

    init() throws {
        workspace = try Workspace(path: nil)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-mapping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Loads CSV text as a table, with load options when given.
    func load(_ table: String, _ csv: String, types: [String: LogicalType] = [:]) throws {
        let file = directory.appendingPathComponent("\(table).csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        _ = try CSVLoader().load(LoadRequest(path: file.path, table: table, options: LoadOptions(columnTypes: types)),
                                 into: workspace)
    }

    /// Runs one `map …` statement through the mapper.
    @discardableResult
    func map(_ statement: String) throws -> MappingReport {
        let source = SourceText(name: "test", text: statement)
        let script = try Parser(grammar: MappingTestGrammar()).parse(source)
        guard case .command(let invocation) = script.statements.first?.kind,
              case .word(let table)? = invocation.argument("table")?.value,
              case .word(let role)? = invocation.clause("as")?.value else {
            throw Diagnostic("not a map statement: \(statement)")
        }
        var fields: [NamedExpression] = []
        if case .assignments(let items)? = invocation.clause("fields")?.value { fields = items }
        var options = MappingOptions()
        if case .options(let entries)? = invocation.clause("with")?.value { options = try MappingOptions(entries: entries) }
        return try RoleMapper(workspace: workspace)
            .map(MappingRequest(table: table, role: role, fields: fields, options: options, source: source))
    }

    /// The message of the error a `map` statement fails with, hints after it on their own lines.
    func mapError(_ statement: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            try map(statement)
            XCTFail("expected \(statement) to fail", file: file, line: line)
            return ""
        } catch let error as Diagnostic {
            return ([error.message] + error.hints.map { "hint: \($0)" }).joined(separator: "\n")
        } catch {
            return "\(error)"
        }
    }

    /// The rows of a pipeline, each value as text (`∅` for null).
    func rows(_ pipeline: String) throws -> [[String]] {
        let source = SourceText(name: "test", text: pipeline)
        guard case .query(let parsed) = try Parser(grammar: MappingTestGrammar()).parse(source).statements.first?.kind else {
            throw Diagnostic("not a pipeline: \(pipeline)")
        }
        let query = try QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog), source: source).compile(parsed)
        var rows: [[String]] = []
        try QueryRunner(database: workspace.database).run(query) { row in
            rows.append(row.map { $0.isNull ? "∅" : $0.description })
        }
        return rows
    }

    /// The logical types of a table's or named query's columns, by name.
    func types(_ name: String) -> [String: LogicalType] {
        var types: [String: LogicalType] = [:]
        for column in workspace.catalog.schema(of: name)?.columns ?? [] { types[column.name] = column.type }
        return types
    }
}
