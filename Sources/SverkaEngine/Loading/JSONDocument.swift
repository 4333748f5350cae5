import Foundation
import SverkaSyntax

/// A JSON file read into flat records, with how it was read.
struct JSONDocument {
    var reader: JSONRecordReader
    var isNDJSON: Bool
    var skippedBOM: Bool
    /// Where the records were, for messages: "the array at '_embedded.leads'".
    var source: String
    /// The format note: "JSON, the array at '_embedded.leads' (250 records)".
    var format: String

    static func read(_ input: RowTableInput, options: StructuredLoadOptions) throws(Diagnostic) -> JSONDocument {
        let bytes = input.bytes
        let path = input.displayPath
        let skippedBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let start = skippedBOM ? 3 : 0
        if let bad = RowTableText.firstInvalidUTF8(bytes, from: start) {
            throw Diagnostic("the file is not valid UTF-8: bytes \(RowTableText.hex(bytes, at: bad)) here",
                             location: RowTableText.location(path, of: bad, in: bytes),
                             hints: ["JSON files are UTF-8; convert this one first, e.g. iconv -f cp1251 -t utf-8"])
        }
        let scanner = JSONScanner(bytes, path: path, start: start)
        scanner.skipWhitespace()
        guard !scanner.atEnd else {
            throw Diagnostic("cannot load '\(path)': the file holds only whitespace", location: path,
                             hints: ["a JSON file holds an array of objects, [{…}, {…}], or one object per line"])
        }
        var reader = JSONRecordReader(scanner)
        let fileExtension = (path as NSString).pathExtension.lowercased()
        let ndjson = options.ndjson ?? (["ndjson", "jsonl"].contains(fileExtension) || looksLikeNDJSON(bytes, from: scanner.index))
        if ndjson {
            if let wanted = options.path {
                throw Diagnostic("the option path ('\(wanted)') applies to one JSON document, not to NDJSON",
                                 location: path, hints: ["drop the path, or load the file with ndjson: false"])
            }
            try reader.readSequence()
            let count = reader.flattener.rows.count
            return JSONDocument(reader: reader, isNDJSON: true, skippedBOM: skippedBOM, source: "the file",
                                format: "NDJSON, one object per line (\(count) record\(count == 1 ? "" : "s"))")
        }
        let (components, found) = try recordPath(options.path, scanner: scanner)
        try reader.walk(components)
        try checkEnd(scanner)
        let count = reader.flattener.rows.count
        let records = "\(count) record\(count == 1 ? "" : "s")"
        let source = components.isEmpty ? "the top-level array" : "the array at '\(components.joined(separator: "."))'"
        let how = found ? "; found as the only array of records, the option path picks another" : ""
        return JSONDocument(reader: reader, isNDJSON: false, skippedBOM: skippedBOM, source: source,
                            format: "JSON, \(source) (\(records)\(how))")
    }

    /// The path to the records: the option's, or for a top-level object the only array of
    /// objects inside it. `found` is true when sverka chose it.
    private static func recordPath(_ option: String?, scanner: JSONScanner) throws(Diagnostic) -> ([String], found: Bool) {
        if let option {
            let parts = option.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !option.isEmpty, !parts.contains(where: \.isEmpty) else {
                throw Diagnostic("the path '\(option)' has an empty part", location: scanner.path,
                                 hints: ["name keys joined by single dots: _embedded.leads"])
            }
            return (parts, false)
        }
        guard scanner.peek() == UInt8(ascii: "{") else { return ([], false) }
        let start = scanner.index
        let candidates = try JSONPathFinder.candidates(JSONScanner(scanner.bytes, path: scanner.path, start: start))
        switch candidates.count {
        case 1:
            return (candidates[0].path.split(separator: ".", omittingEmptySubsequences: false).map(String.init), true)
        case 0:
            // Objects one after another are NDJSON read as one document: say that, not "no records".
            let probe = JSONScanner(scanner.bytes, path: scanner.path, start: start)
            try probe.skipValue()
            try checkEnd(probe)
            let top = try JSONScanner(scanner.bytes, path: scanner.path, start: start).value()
            var keys: [String] = []
            if case .object(let members) = top { keys = members.map(\.key) }
            throw Diagnostic("the top level is an object holding no array of records", location: scanner.location(of: start),
                             hints: ["its keys: \(JSONRecordReader.list(keys))",
                                     "sverka loads an array of objects, [{…}, {…}], or one object per line (NDJSON)"])
        default:
            let listed = candidates.prefix(10).map { "path: \"\($0.path)\" (\($0.records) records)" }
            throw Diagnostic("the top level is an object holding \(candidates.count) arrays of records; say which to load",
                             location: scanner.location(of: start), hints: listed.map { "with (\($0))" })
        }
    }

    /// Fails when anything but whitespace follows the document.
    private static func checkEnd(_ scanner: JSONScanner) throws(Diagnostic) {
        scanner.skipWhitespace()
        guard scanner.atEnd else {
            throw Diagnostic("invalid JSON: more content after the end of the document, found \(scanner.describe(at: scanner.index))",
                             location: scanner.location(of: scanner.index),
                             hints: ["a file with one JSON object per line is NDJSON: load it with ndjson: true"])
        }
    }

    /// True when a first object is followed by another value: objects one after another.
    private static func looksLikeNDJSON(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return false }
        let probe = JSONScanner(bytes, path: "", start: start)
        do {
            try probe.skipValue()
        } catch {
            return false
        }
        probe.skipWhitespace()
        return probe.peek() == UInt8(ascii: "{")
    }
}
