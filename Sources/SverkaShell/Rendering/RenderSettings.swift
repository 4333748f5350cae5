/// How results are shown: the shell's `set format …`, `set max_rows …`, `set null …`.
public struct RenderSettings: Sendable, Hashable {
    public var format: OutputFormat = .table
    /// Table mode only: a longer result shows its first and last `maxRows / 2` rows around a `…` row.
    /// Zero or less shows every row.
    public var maxRows: Int = 40
    /// What a null looks like in table and markdown output (csv writes an empty field, json `null`).
    public var nullText = "∅"
    /// Table mode only: a second header line with each column's logical type.
    public var showTypes = false

    public init(format: OutputFormat = .table, maxRows: Int = 40, nullText: String = "∅", showTypes: Bool = false) {
        self.format = format
        self.maxRows = maxRows
        self.nullText = nullText
        self.showTypes = showTypes
    }
}
