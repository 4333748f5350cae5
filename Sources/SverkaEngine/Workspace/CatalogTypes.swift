import Foundation

/// Whether a name stands for stored rows or for a saved pipeline.
public enum TableKind: String, Sendable, Hashable {
    case table
    case query
}

/// What the compiler needs to know about a table or named query.
public struct TableSchema: Sendable, Hashable {
    public var name: String
    public var kind: TableKind
    public var columns: [ResultColumn]
    /// The source text of a named query (`from deals | where …`); nil for tables.
    public var definition: String?
    /// For a table of an attached server: which attachment (`wh`) holds it; nil in the workspace.
    public var attachment: String?
    /// The SELECT that reads a table not stored as sverka stores it (an attached server's table,
    /// its columns converted to minor units and the like); nil: the table itself, by name.
    public var sourceSQL: String?

    public init(name: String, kind: TableKind, columns: [ResultColumn], definition: String? = nil,
                attachment: String? = nil, sourceSQL: String? = nil) {
        self.name = name
        self.kind = kind
        self.columns = columns
        self.definition = definition
        self.attachment = attachment
        self.sourceSQL = sourceSQL
    }
}

/// Where a loaded table came from, so a later load can tell whether the file changed.
public struct SourceRecord: Sendable, Hashable {
    /// The absolute path of the file.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var contentHash: String
    /// The load options in a canonical text form.
    public var options: String
    public var rows: Int
    public var loadedAt: Date
    /// One line per decision the load made ("amount: decimal(2)").
    public var notes: [String]

    public init(path: String, contentHash: String, options: String, rows: Int, loadedAt: Date, notes: [String]) {
        self.path = path
        self.contentHash = contentHash
        self.options = options
        self.rows = rows
        self.loadedAt = loadedAt
        self.notes = notes
    }
}

/// One line of `tables`.
public struct TableSummary: Sendable, Hashable {
    public var name: String
    public var kind: TableKind
    /// Row count of a table; nil for a named query (counting would run it).
    public var rows: Int?
    public var columnCount: Int
    /// The file a table was loaded from, or a named query's text.
    public var source: String?

    public init(name: String, kind: TableKind, rows: Int?, columnCount: Int, source: String?) {
        self.name = name
        self.kind = kind
        self.rows = rows
        self.columnCount = columnCount
        self.source = source
    }
}

/// One column in `describe`.
public struct ColumnDescription: Sendable, Hashable {
    public var name: String
    public var type: LogicalType
    /// nil for a named query's columns: counting would run the query.
    public var nullCount: Int?
    /// Up to three distinct non-null values.
    public var examples: [Value]

    public init(name: String, type: LogicalType, nullCount: Int?, examples: [Value]) {
        self.name = name
        self.type = type
        self.nullCount = nullCount
        self.examples = examples
    }
}

/// What `describe NAME` shows.
public struct TableDescription: Sendable, Hashable {
    public var name: String
    public var kind: TableKind
    public var rows: Int?
    public var columns: [ColumnDescription]
    /// The load that made the table, with its notes; nil for queries and tables made otherwise.
    public var source: SourceRecord?
    public var definition: String?

    /// The load's decisions, one a line.
    public var notes: [String] { source?.notes ?? [] }

    public init(name: String, kind: TableKind, rows: Int?, columns: [ColumnDescription],
                source: SourceRecord?, definition: String?) {
        self.name = name
        self.kind = kind
        self.rows = rows
        self.columns = columns
        self.source = source
        self.definition = definition
    }
}
