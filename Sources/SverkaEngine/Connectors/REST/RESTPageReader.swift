import SverkaSyntax

/// One page's body as received, kept for locating a value in a later message.
struct RESTPageBody {
    var bytes: [UInt8]
    /// "page 3 (https://…)", the name its locations start with.
    var name: String
    /// The index of the first row this page added.
    var firstRow: Int
}

/// Reads the records of every page into one `JSONFlattener`, so that columns are made across
/// all pages (a key first seen on page 4 is a column, null on the pages before), and finds each
/// page's next link or cursor. JSON is read by the file loader's scanner: numbers keep their
/// digits, nested objects become `parent.child` columns.
struct RESTPageReader {
    private(set) var flattener = JSONFlattener()
    /// Keys down to the array of records; nil until the option gives it or page 1 shows it.
    private(set) var recordsPath: [String]?
    /// True when sverka chose the path (the only array of records in page 1).
    private(set) var foundPath = false
    private let pointerPath: [String]?
    private(set) var pages: [RESTPageBody] = []

    /// `recordsPath` and `pointerPath` (a next link or cursor) as dotted keys.
    init(recordsPath: String?, pointerPath: String?) {
        self.recordsPath = recordsPath.map(Self.components)
        self.pointerPath = pointerPath.map(Self.components)
    }

    static func components(_ path: String) -> [String] {
        path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Reads one page: its records into the flattener; returns how many, and the text at the
    /// paging path. `name` names the page in messages.
    mutating func read(_ body: [UInt8], contentType: String?, name: String) throws(Diagnostic) -> (records: Int, pointer: String?) {
        let before = flattener.rows.count
        pages.append(RESTPageBody(bytes: body, name: name, firstRow: before))
        var start = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < body.count, JSONScanner.isWhitespace(body[start]) { start += 1 }
        // 204 No Content, or an empty body: a page without records.
        guard start < body.count else { return (0, nil) }
        let result: Result<String?, Diagnostic> = body.withUnsafeBufferPointer { buffer in
            Result { () throws(Diagnostic) -> String? in
                try Self.checkJSON(buffer, from: start, contentType: contentType, name: name)
                try readRecords(buffer, from: start, name: name)
                return try pagingPointer(buffer, from: start, name: name)
            }
        }
        let pointer = try result.get()
        return (flattener.rows.count - before, pointer)
    }

    /// Refuses what is not JSON at all (an HTML login page), and bytes that are not UTF-8.
    private static func checkJSON(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, contentType: String?,
                                  name: String) throws(Diagnostic) {
        guard bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "[") else {
            let sample = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 60)]), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ")
            let type = contentType.map { " (Content-Type: \($0))" } ?? ""
            throw Diagnostic("\(name) is not JSON\(type); it starts: \(sample)",
                             hints: ["an HTML page instead of JSON is often a login page or a wrong address; check the URL and the credentials"])
        }
        if let bad = RowTableText.firstInvalidUTF8(bytes, from: start) {
            throw Diagnostic("\(name) is not valid UTF-8: bytes \(RowTableText.hex(bytes, at: bad)) at byte offset \(bad)",
                             location: RowTableText.location(name, of: bad, in: bytes),
                             hints: ["JSON is UTF-8; the API sent something else"])
        }
    }

    private mutating func readRecords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, name: String) throws(Diagnostic) {
        let scanner = JSONScanner(bytes, path: name, start: start)
        do throws(Diagnostic) {
            let path: [String]
            if let known = recordsPath { path = known } else { path = try firstPagePath(scanner, name: name) }
            var reader = JSONRecordReader(scanner)
            // Handed over and back rather than copied, so that the rows are never duplicated.
            reader.flattener = flattener
            flattener = JSONFlattener()
            defer { flattener = reader.flattener }
            try reader.walk(path)
            scanner.skipWhitespace()
            guard scanner.atEnd else {
                throw Diagnostic("invalid JSON: more content after the end of the document, found \(scanner.describe(at: scanner.index))",
                                 location: scanner.location(of: scanner.index))
            }
        } catch {
            guard error.message.hasPrefix("invalid JSON") else { throw error }
            let offset = scanner.index
            throw offset >= bytes.count
                ? error.hint("the answer ends after \(bytes.count) bytes: it was cut short")
                : error.hint("at byte offset \(offset) of the \(bytes.count) bytes received")
        }
    }

    /// The records' path when the option gave none: the top-level array, or the only array of
    /// records inside a top-level object; later pages use the same.
    private mutating func firstPagePath(_ scanner: JSONScanner, name: String) throws(Diagnostic) -> [String] {
        guard scanner.peek() == UInt8(ascii: "{") else {
            recordsPath = []
            return []
        }
        let candidates = try JSONPathFinder.candidates(JSONScanner(scanner.bytes, path: name, start: scanner.index))
        switch candidates.count {
        case 1:
            let path = Self.components(candidates[0].path)
            (recordsPath, foundPath) = (path, true)
            return path
        case 0:
            let top = try JSONScanner(scanner.bytes, path: name, start: scanner.index).value()
            var keys: [String] = []
            if case .object(let members) = top { keys = members.map(\.key) }
            throw Diagnostic("\(name) is an object holding no array of records", location: scanner.location(of: scanner.index),
                             hints: ["its keys: \(JSONRecordReader.list(keys))", "give path: \"KEY.KEY\" to the array of records"])
        default:
            throw Diagnostic("\(name) holds \(candidates.count) arrays of records; say which to load",
                             location: scanner.location(of: scanner.index),
                             hints: candidates.prefix(10).map { "with (path: \"\($0.path)\") (\($0.records) records on this page)" })
        }
    }

    /// The text at the paging path (a next link, a cursor): a string, or a number as written;
    /// nil when the path is absent or null, which ends the paging.
    private func pagingPointer(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, name: String) throws(Diagnostic) -> String? {
        guard let path = pointerPath else { return nil }
        let scanner = JSONScanner(bytes, path: name, start: start)
        for key in path {
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: "{"), try scanner.openObject() else { return nil }
            var found = false
            repeat {
                if try scanner.key() == key {
                    found = true
                    break
                }
                try scanner.skipValue()
            } while try scanner.nextMember()
            guard found else { return nil }
        }
        let offset = scanner.index
        switch try scanner.value() {
        case .string(let text): return text
        case .number(let token): return token
        case .null: return nil
        case .bool(false): return nil
        case let other:
            var error = Diagnostic("the paging path '\(path.joined(separator: "."))' of \(name) leads to \(other.kindName), not a link or a cursor",
                                   location: scanner.location(of: offset))
            if case .object(let members) = other {
                error = error.hint("its keys: \(JSONRecordReader.list(members.map(\.key))); the path goes one step further, e.g. '\(path.joined(separator: ".")).\(members.first?.key ?? "href")'")
            }
            throw error
        }
    }
}
