import SverkaEngine

/// Where `sync … apply to "FILE"` writes, and how: the file as the user wrote it, its resolved
/// path, and the export options (encoding, delimiter, decimal comma, date style) the other
/// system's import wants.
public struct OutboxTarget: Sendable {
    /// As written in the command, for messages and the journal.
    public var path: String
    /// Expanded (`~`) and, when relative, taken from the current folder.
    public var filePath: String
    public var options: ExportOptions

    public init(path: String, filePath: String, options: ExportOptions = OutboxTarget.defaultOptions) {
        self.path = path
        self.filePath = filePath
        self.options = options
    }

    /// Raw text: an outbox is read by the other system's import, which must get ids and names
    /// exactly, not with the apostrophe that keeps a spreadsheet from running a formula.
    public static var defaultOptions: ExportOptions {
        var options = ExportOptions()
        options.raw = true
        return options
    }
}
