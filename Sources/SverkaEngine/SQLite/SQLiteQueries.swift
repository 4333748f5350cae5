import SverkaSyntax

/// Small conveniences for the catalog's own short queries.
extension SQLiteDatabase {
    /// Runs a statement with parameters and maps every row.
    public func query<T>(_ sql: String, _ parameters: [StoredValue] = [],
                         row: (PreparedStatement) -> T) throws(Diagnostic) -> [T] {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        var rows: [T] = []
        while try statement.step() {
            rows.append(row(statement))
        }
        return rows
    }

    /// Runs a statement with parameters that returns no rows.
    public func run(_ sql: String, _ parameters: [StoredValue] = []) throws(Diagnostic) {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        while try statement.step() {}
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ parameters: [StoredValue] = []) throws(Diagnostic) -> StoredValue? {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        return try statement.step() ? statement.storedValue(at: 0) : nil
    }
}
