import Foundation
import SverkaEngine
import SverkaSyntax

/// `load postgres "…" query "select …" as NAME`: a query's result into a workspace table, typed
/// as the server declares its columns (no guessing from the values), streamed row by row into
/// the table, which replaces the old one atomically like a file load.
///
/// The reads run in one read-only REPEATABLE READ transaction: the description, the scale of
/// undeclared numerics and the rows all see the same snapshot, and a load can never write to
/// the server, whatever the query says.
public struct PostgresTableLoad {
    let server: PostgresServer

    public init(server: PostgresServer) {
        self.server = server
    }

    /// The SQL a `table NAME` clause reads: `sales.deals` is schema and table.
    public static func tableQuery(_ name: String) -> String {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        return "SELECT * FROM " + parts.map(PostgresIdentifier.quoted).joined(separator: ".")
    }

    /// `locate` turns a UTF-8 offset into `query` into a place in the script, so that the
    /// server's complaint about the query gets a caret under the very word.
    /// `progress` hears the rows read so far, every 10,000 rows.
    public func load(_ query: String, into workspace: Workspace, table: String, origin: String,
                     locate: (_ utf8Offset: Int) -> Span? = { _ in nil },
                     progress: (_ rows: Int) -> Void = { _ in }) throws(Diagnostic) -> LoadReport {
        let sql = Self.trimmed(query)
        try server.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do throws(Diagnostic) {
            let described = try describe(sql, in: query, locate: locate)
            let names = Self.uniqueNames(described.map(\.name))
            let aliases = names.indices.map { "c\($0 + 1)" }
            // The line break ends a `-- comment` the query may close with, which would swallow `)`.
            let source = "(\(sql)\n) AS _source(\(aliases.joined(separator: ", ")))"
            var types = described.map { column -> LogicalType? in
                guard case .type(let type) = PostgresTypeMapping.logicalType(typeOID: column.typeOID,
                                                                             typeModifier: column.typeModifier) else { return nil }
                return type
            }
            let undeclared = Set(types.indices.filter { types[$0] == nil })
            try decideScales(&types, aliases: aliases, source: source)
            let columns = zip(names, types).map { ResultColumn(name: $0, type: $1 ?? .number) }
            let notes = zip(types.indices, columns).map { index, column in
                "\(column.name): \(column.type)" + (undeclared.contains(index) ? " (a numeric without a scale: the most places its values have)" : "")
            }
            let load = try TypedTableLoad(into: workspace, table: table, columns: columns)
            let list = zip(aliases, described).map { "\($0)\(PostgresTypeMapping.textCast(typeOID: $1.typeOID))" }
                .joined(separator: ", ")
            let report = try load.run(origin: origin, options: "format: postgres; query: \(sql)", notes: notes) { insert throws(Diagnostic) in
                var row = 0
                try server.query("SELECT \(list) FROM \(source)", columns: { _ throws(Diagnostic) in }, row: { fields throws(Diagnostic) in
                    row += 1
                    if row % 10_000 == 0 { progress(row) }
                    var values: [StoredValue] = []
                    values.reserveCapacity(columns.count)
                    for (index, column) in columns.enumerated() {
                        guard let text = index < fields.count ? fields[index] : nil else {
                            values.append(.null)
                            continue
                        }
                        guard let value = PostgresTypeMapping.textToValue(text, as: column.type) else {
                            throw Diagnostic("row \(row), column \(column.name): '\(text)' cannot be read as \(column.type)")
                                .hint("cast it in the query, e.g. CAST(\(described[index].name) AS text)")
                        }
                        values.append(value)
                    }
                    try insert(values)
                })
            }
            try server.execute("COMMIT")
            return report
        } catch {
            try? server.execute("ROLLBACK")
            throw error
        }
    }

    /// The result's columns, without reading a row.
    /// The query's mistakes show here, the first time the server reads it.
    private func describe(_ sql: String, in query: String, locate: (Int) -> Span?) throws(Diagnostic) -> [PostgresResultColumn] {
        var columns: [PostgresResultColumn] = []
        let prefix = "SELECT * FROM ("
        let sent = "\(prefix)\(sql)\n) AS _source LIMIT 0"
        do throws(PostgresQueryFailure) {
            try server.queryReportingFailure(sent, columns: { described throws(Diagnostic) in columns = described },
                                             row: { _ throws(Diagnostic) in })
        } catch {
            var diagnostic = error.diagnostic
            // The position counts characters of what was sent; under the prefix it is the query's.
            if let index = error.index(in: sent), let start = sent.unicodeScalars.index(sent.unicodeScalars.startIndex,
                                                                                        offsetBy: prefix.unicodeScalars.count,
                                                                                        limitedBy: sent.unicodeScalars.endIndex),
               index >= start, let leading = query.range(of: sql) {
                let offsetInSQL = sent.utf8.distance(from: start, to: index)
                if offsetInSQL <= sql.utf8.count,
                   let span = locate(query.utf8.distance(from: query.startIndex, to: leading.lowerBound) + offsetInSQL) {
                    diagnostic.span = span
                }
            }
            throw diagnostic
        }
        guard !columns.isEmpty else {
            throw Diagnostic("the query gives no columns").hint("select the columns to load: select id, amount from deals")
        }
        return columns
    }

    /// A `numeric` without a declared scale (`sum(amount)`, `numeric` columns) gets the most
    /// places any of its values has: exact for every value loaded.
    private func decideScales(_ types: inout [LogicalType?], aliases: [String], source: String) throws(Diagnostic) {
        let undecided = types.indices.filter { types[$0] == nil }
        guard !undecided.isEmpty else { return }
        let list = undecided.map { "CAST(max(scale(\(aliases[$0]))) AS text)" }.joined(separator: ", ")
        var scales: [String?] = []
        try server.query("SELECT \(list) FROM \(source)", columns: { _ throws(Diagnostic) in },
                         row: { fields throws(Diagnostic) in scales = fields })
        for (offset, index) in undecided.enumerated() {
            types[index] = PostgresTypeMapping.undeclaredScaleType(offset < scales.count ? scales[offset].flatMap { Int($0) } : nil)
        }
    }

    /// Names as a table needs them: none empty, none twice (`?column?` is PostgreSQL's name
    /// for an unnamed expression).
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.enumerated().map { index, name in
            var base = name.isEmpty || name == "?column?" ? "c\(index + 1)" : name
            if base.hasPrefix("_sverka_") { base = "c\(index + 1)" }
            var candidate = base, suffix = 2
            while seen.contains(candidate.lowercased()) {
                candidate = "\(base)_\(suffix)"
                suffix += 1
            }
            seen.insert(candidate.lowercased())
            return candidate
        }
    }

    /// The query without surrounding space and a final `;`, so that it can be wrapped.
    static func trimmed(_ query: String) -> String {
        var text = query.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(";") {
            text.removeLast()
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text
    }
}
