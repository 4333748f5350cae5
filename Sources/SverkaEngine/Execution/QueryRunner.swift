import SverkaSyntax

/// Runs compiled queries on a database and hands back typed rows.
public struct QueryRunner {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Streams the rows of a query, each decoded by its column's logical type.
    public func run(_ query: CompiledQuery, row body: ([Value]) -> Void) throws(Diagnostic) {
        let statement = try database.prepare(query.sql)
        try statement.bind(query.parameters)
        let types = query.columns.map(\.type)
        var values = [Value](repeating: .null, count: types.count)
        while try statement.step() {
            for index in types.indices {
                values[index] = Value.decode(statement.storedValue(at: index), as: types[index])
            }
            body(values)
        }
    }

    /// The single value of a one-row, one-column query (`let x = …`, `expect …`).
    public func scalar(_ query: CompiledQuery) throws(Diagnostic) -> Value {
        var result: Value = .null
        try run(query) { row in result = row.first ?? .null }
        return result
    }

    /// Runs SQL as written. Column types are read off the values, since SQL as written
    /// carries no logical types: integers, reals and text.
    public func runRaw(_ sql: String) throws(Diagnostic) -> (columns: [ResultColumn], rows: [[Value]]) {
        let statement = try database.prepare(sql)
        var rows: [[Value]] = []
        let count = statement.columnCount
        while try statement.step() {
            rows.append((0..<count).map { index in
                switch statement.storedValue(at: index) {
                case .null: return .null
                case .integer(let value): return .integer(value)
                case .real(let value): return .number(value)
                case .text(let value): return .text(value)
                case .blob(let bytes): return .text("<\(bytes.count) bytes>")
                }
            })
        }
        let columns = (0..<count).map { index -> ResultColumn in
            let type = rows.lazy.map { $0[index].type }.first { $0 != .null } ?? .text
            return ResultColumn(name: statement.columnName(index), type: type)
        }
        return (columns, rows)
    }
}
