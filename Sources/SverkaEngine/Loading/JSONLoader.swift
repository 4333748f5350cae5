import Foundation
import SverkaSyntax

/// Loads JSON into a workspace table, atomically: an array of objects, the array at a path
/// (`path: "_embedded.leads"`), or NDJSON (one object per line). Nested objects become
/// `parent.child` columns, arrays inside records stay JSON text, and number tokens reach type
/// inference as written, so `12345.67` is an exact decimal.
public struct JSONLoader: StructuredFileLoader {
    public init() {}

    public func load(_ request: LoadRequest, structured: StructuredLoadOptions,
                     into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        let load = try RowTableLoad(request, into: workspace)
        let input = try RowTableInput(path: request.path,
                                      emptyHint: "a JSON file holds an array of objects, [{…}, {…}], or one object per line")
        let document = try JSONDocument.read(input, options: structured)
        let flattener = document.reader.flattener
        let bytes = input.bytes
        let path = request.path
        guard !flattener.names.isEmpty else {
            throw Diagnostic("cannot load '\(path)': \(document.source) holds no records with keys, so there are no columns",
                             location: path, hints: ["a table needs at least one record like {\"id\": 1}"])
        }
        let offsets = flattener.offsets
        let columns = flattener.names.enumerated().map { index, name in
            RowTableColumn(name: name, detail: flattener.arrayColumns.contains(index) ? "arrays kept as JSON text" : nil)
        }
        // Positions are found again only for a message, by reading the record once more.
        let table = RowTable(columns: columns, rows: flattener.rows) { row, column in
            JSONFieldLocator.location(of: flattener.names[column], inRecordAt: offsets[row], bytes: bytes, path: path)
        }
        var notes = ["format: \(document.format)", "encoding: UTF-8" + (document.skippedBOM ? " (byte order mark skipped)" : "")]
        if !flattener.nested.isEmpty {
            notes.append("nested objects flattened into parent.child columns: \(JSONRecordReader.list(flattener.nested))")
        }
        let options = RowTableLoad.canonicalOptions(format: document.isNDJSON ? "ndjson" : "json", structured.canonicalParts,
                                                    columnTypes: request.options.columnTypes)
        return try load.run(table, input: input, formatNotes: notes, options: options)
    }
}
