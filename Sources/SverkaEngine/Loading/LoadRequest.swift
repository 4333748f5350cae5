/// Load a file into a workspace table.
public struct LoadRequest: Sendable {
    /// The file, as the user wrote it; messages name it this way.
    public var path: String
    /// The table to create or replace.
    public var table: String
    public var options: LoadOptions

    public init(path: String, table: String, options: LoadOptions = LoadOptions()) {
        self.path = path
        self.table = table
        self.options = options
    }
}

/// How to read the file. Today: UTF-8, comma separated, header in row 1; the types of
/// columns can be fixed instead of inferred.
public struct LoadOptions: Sendable, Hashable {
    /// Per-column types that replace inference (`amount: money`, `inn: text`); keys are header names.
    public var columnTypes: [String: LogicalType] = [:]

    public init(columnTypes: [String: LogicalType] = [:]) {
        self.columnTypes = columnTypes
    }

    /// A stable text form, stored with the source so a reload can repeat the same options.
    public var canonicalText: String {
        var parts = ["format: csv", "encoding: utf-8", "separator: ','", "header: row 1"]
        if !columnTypes.isEmpty {
            let types = columnTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            parts.append("types: " + types.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }
}

/// What a load did: the table, its columns, and one note per decision made along the way.
public struct LoadReport: Sendable {
    public var table: String
    public var rows: Int
    public var columns: [ResultColumn]
    public var notes: [String]
    public var seconds: Double
    /// The file as the user named it.
    public var path: String

    public init(table: String, rows: Int, columns: [ResultColumn], notes: [String], seconds: Double, path: String) {
        self.table = table
        self.rows = rows
        self.columns = columns
        self.notes = notes
        self.seconds = seconds
        self.path = path
    }
}
