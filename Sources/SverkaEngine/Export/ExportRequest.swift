/// Export a query's rows to a file.
public struct ExportRequest: Sendable {
    /// The target as the user wrote it; messages name it this way.
    public var path: String
    /// Where the file is written: `path` resolved (a `~` expanded), relative to the current folder.
    public var filePath: String
    public var options: ExportOptions
    /// The xlsx sheet's name: the table or named query exported, else `result`.
    public var sheetName: String

    public init(path: String, filePath: String? = nil, options: ExportOptions = ExportOptions(), sheetName: String = "result") {
        self.path = path
        self.filePath = filePath ?? path
        self.options = options
        self.sheetName = sheetName
    }
}

/// What an export did.
public struct ExportReport: Sendable {
    public var rows: Int
    public var path: String
    public var format: ExportFormat
    /// nil for xlsx, which is not text in an encoding.
    public var encoding: ExportEncoding?
    public var seconds: Double
    /// Decisions worth saying, e.g. the delimiter chosen because decimals have a comma.
    public var notes: [String]

    public init(rows: Int, path: String, format: ExportFormat, encoding: ExportEncoding?, seconds: Double, notes: [String]) {
        self.rows = rows
        self.path = path
        self.format = format
        self.encoding = encoding
        self.seconds = seconds
        self.notes = notes
    }

    /// `exported 9 rows to out.csv (csv, utf-8) in 0.01 s`
    public var summary: String {
        let kind = encoding.map { "\(format), \($0)" } ?? format.description
        let noun = rows == 1 ? "row" : "rows"
        return "exported \(rows) \(noun) to \(path) (\(kind)) in " + String(format: "%.2f s", seconds)
    }
}
