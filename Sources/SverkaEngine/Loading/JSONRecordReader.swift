import SverkaSyntax

/// Finds the records of a JSON document (the top-level array, or the array at a path) or of an
/// NDJSON file, and flattens each as soon as it is read, so only rows stay in memory.
struct JSONRecordReader {
    let scanner: JSONScanner
    var flattener = JSONFlattener()
    private var lines: JSONLineCounter

    init(_ scanner: JSONScanner) {
        self.scanner = scanner
        lines = JSONLineCounter(bytes: scanner.bytes)
    }

    /// Reads the array of records the walk ends at; `where` names it in messages.
    mutating func readArray(named name: String) throws(Diagnostic) {
        scanner.skipWhitespace()
        let start = scanner.index
        guard scanner.peek() == UInt8(ascii: "[") else {
            let found = try scanner.value()
            var error = Diagnostic("\(name) is \(found.kindName), not an array of records", location: scanner.location(of: start))
            if case .object(let members) = found {
                error = error.hint("its keys: \(JSONRecordReader.list(members.map(\.key)))")
            }
            throw error.hint("the records must be an array of objects: [{…}, {…}]")
        }
        guard try scanner.openArray() else { return }
        var number = 0
        repeat {
            number += 1
            try readRecord(number: number, in: name)
        } while try scanner.nextElement()
    }

    /// Reads NDJSON: objects one after another, separated by line breaks (or any whitespace).
    mutating func readSequence() throws(Diagnostic) {
        var number = 0
        scanner.skipWhitespace()
        while !scanner.atEnd {
            number += 1
            try readRecord(number: number, in: nil)
            scanner.skipWhitespace()
        }
    }

    private mutating func readRecord(number: Int, in name: String?) throws(Diagnostic) {
        scanner.skipWhitespace()
        let offset = scanner.index
        let line = lines.line(at: offset)
        guard scanner.peek() == UInt8(ascii: "{") else {
            let found = try scanner.value()
            let which = name.map { "record \(number) of \($0)" } ?? "line \(line)"
            throw Diagnostic("\(which) is \(found.kindName), not an object", location: scanner.location(of: offset),
                             hints: [name == nil ? "each line of an NDJSON file is one object {…}, one row"
                                                 : "each record must be an object {…}, one row"])
        }
        guard case .object(let members) = try scanner.value() else { return }
        flattener.add(members, line: line, offset: offset)
    }

    /// Up to 20 names, for hints.
    static func list(_ names: [String]) -> String {
        guard !names.isEmpty else { return "none" }
        return names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", …" : "")
    }
}

/// Line numbers of offsets that only grow, counted once through the file.
struct JSONLineCounter {
    let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func line(at target: Int) -> Int {
        while offset < target {
            let byte = bytes[offset]
            // CRLF counts once: at its LF. A lone CR ends a line too.
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && (offset + 1 >= bytes.count || bytes[offset + 1] != UInt8(ascii: "\n"))) {
                line += 1
            }
            offset += 1
        }
        return line
    }
}
