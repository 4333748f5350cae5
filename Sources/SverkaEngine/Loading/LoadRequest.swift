/// Load a file into a workspace table.
public struct LoadRequest: Sendable {
    /// The file, as the user wrote it; messages name it this way.
    public var path: String
    /// The table to create or replace (or, for an append, to add to).
    public var table: String
    public var options: LoadOptions
    /// Called now and then on the loading thread while a load runs, for a progress bar; the
    /// engine itself never prints.
    public var progress: (@Sendable (LoadProgress) -> Void)?

    public init(path: String, table: String, options: LoadOptions = LoadOptions(),
                progress: (@Sendable (LoadProgress) -> Void)? = nil) {
        self.path = path
        self.table = table
        self.options = options
        self.progress = progress
    }
}

/// What to do with a row that cannot be loaded (a value its column cannot hold, a row with the
/// wrong number of fields).
public enum LoadErrorPolicy: String, Sendable, Hashable {
    /// The first bad row stops the load; the workspace is unchanged.
    case stop
    /// Bad rows go to `NAME_rejects` (line, raw text, reason); the others load.
    case skip
}

/// How to read the file. Every field left nil is detected, and the load's notes say what was found.
public struct LoadOptions: Sendable, Hashable {
    /// Per-column types that replace inference (`amount: money`, `inn: text`); keys are header names.
    public var columnTypes: [String: LogicalType] = [:]
    /// The field separator (`;`, a tab); nil: detected among `,` `;` tab `|` (tab for .tsv).
    public var delimiter: UInt8?
    /// False: the first row is data, and the columns are named c1, c2, …
    public var header: Bool = true
    /// nil: UTF-8, or UTF-16 by its byte order mark, or Windows-1251 when the bytes are not UTF-8.
    public var encoding: TextEncoding?
    /// The decimal separator of numbers, `.` or `,`; nil: decided per column from its values.
    public var decimal: UInt8?
    /// The thousands separator: `" "` (also U+00A0, U+202F), `","`, `"."`, or `""` for none;
    /// nil: any of them except the decimal separator.
    public var thousands: String?
    /// The date format of date columns (`dd.MM.yyyy`); nil: detected (`yyyy-MM-dd` is always read).
    public var dateFormat: DateFormat?
    /// Reload even when the file and options are unchanged since the table was loaded.
    public var force: Bool = false
    public var onError: LoadErrorPolicy = .stop
    /// With `.skip`: fail anyway when more rows than this are bad.
    public var maxErrors: Int?

    public init(columnTypes: [String: LogicalType] = [:]) {
        self.columnTypes = columnTypes
    }

    /// A stable text form of the options that shape the table, stored with the source: a later
    /// load with the same text over the same bytes would build the same table. Detected values
    /// are not in it (the same bytes detect the same way); `force` is not either.
    public var canonicalText: String {
        var parts = ["format: csv"]
        if let delimiter { parts.append("delimiter: \(CSVSniffer.name(of: delimiter))") }
        if !header { parts.append("header: false") }
        if let encoding { parts.append("encoding: \(encoding)") }
        if let decimal { parts.append("decimal: '\(String(UnicodeScalar(decimal)))'") }
        if let thousands { parts.append("thousands: '\(thousands)'") }
        if let dateFormat { parts.append("date: \(dateFormat.rawValue)") }
        if !columnTypes.isEmpty {
            let types = columnTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            parts.append("types: " + types.joined(separator: ", "))
        }
        if onError == .skip { parts.append("on_error: skip") }
        if let maxErrors { parts.append("max_errors: \(maxErrors)") }
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
    /// The notes worth showing when the load finishes: detections and decisions that are not
    /// the plain default (an encoding other than UTF-8, a decimal comma, a column made text).
    public var highlights: [String] = []
    /// True when the load was skipped because the file and options had not changed.
    public var unchanged = false
    /// True for `append`: `rows` were added to the table.
    public var appended = false
    /// Rows that went to `rejectsTable` (with `on_error: "skip"`).
    public var rejected = 0
    /// `NAME_rejects`, when bad rows were skipped.
    public var rejectsTable: String?
    /// Rows in the table after an append.
    public var totalRows: Int?

    public init(table: String, rows: Int, columns: [ResultColumn], notes: [String], seconds: Double, path: String) {
        self.table = table
        self.rows = rows
        self.columns = columns
        self.notes = notes
        self.seconds = seconds
        self.path = path
    }
}

/// How far a load has come, for a progress bar.
public struct LoadProgress: Sendable {
    /// 1: reading the file to decide the types; 2: converting and inserting the rows.
    public var pass: Int
    /// Rows read so far in this pass.
    public var rows: Int
    /// File bytes read so far in this pass, and the file's size.
    public var bytes: Int
    public var totalBytes: Int
    /// Seconds since the load started.
    public var elapsed: Double

    /// The share of the whole load done, 0…1: the second pass (inserting) costs about twice the first.
    public var fraction: Double {
        guard totalBytes > 0 else { return 0 }
        let share = min(1, Double(bytes) / Double(totalBytes))
        return pass == 1 ? share / 3 : 1.0 / 3 + share * 2 / 3
    }

    public init(pass: Int, rows: Int, bytes: Int, totalBytes: Int, elapsed: Double) {
        self.pass = pass
        self.rows = rows
        self.bytes = bytes
        self.totalBytes = totalBytes
        self.elapsed = elapsed
    }
}
