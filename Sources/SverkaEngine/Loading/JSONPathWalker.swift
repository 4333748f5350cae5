import SverkaSyntax

/// Walks a JSON document down a path (`_embedded.leads`) to the array of records, reading
/// everything else only to check it, and hands that array to the record reader.
extension JSONRecordReader {
    /// Walks `path` from the value at the cursor; at its end reads the array of records.
    mutating func walk(_ path: [String], walked: [String] = []) throws(Diagnostic) {
        guard let component = path.first else {
            try readArray(named: walked.isEmpty ? "the top level" : "'\(walked.joined(separator: "."))'")
            return
        }
        scanner.skipWhitespace()
        let start = scanner.index
        let here = walked.isEmpty ? "the top level" : "'\(walked.joined(separator: "."))'"
        switch scanner.peek() {
        case UInt8(ascii: "{"):
            var keys: [String] = []
            var found = false
            if try scanner.openObject() {
                repeat {
                    let key = try scanner.key()
                    if !found, key == component {
                        found = true
                        try walk(Array(path.dropFirst()), walked: walked + [key])
                    } else {
                        keys.append(key)
                        try scanner.skipValue()
                    }
                } while try scanner.nextMember()
            }
            guard found else {
                var error = Diagnostic("no key '\(component)' in the object at \(here)", location: scanner.location(of: start))
                if let suggestion = Suggestion.closest(to: component, among: keys) {
                    error = error.hint("did you mean '\(suggestion)'?")
                }
                throw error.hint("keys at \(here): \(JSONRecordReader.list(keys))")
            }
        case UInt8(ascii: "[") where Int(component) != nil:
            try walkIntoArray(path, index: Int(component) ?? 0, walked: walked, here: here, start: start)
        default:
            let found = try scanner.value()
            throw Diagnostic("the path cannot go into \(here): it is \(found.kindName), not an object",
                             location: scanner.location(of: start),
                             hints: ["the path names keys of objects, joined by dots: _embedded.leads"])
        }
    }

    /// Follows a numeric path part into one element of an array.
    private mutating func walkIntoArray(_ path: [String], index wanted: Int, walked: [String], here: String,
                                        start: Int) throws(Diagnostic) {
        var count = 0
        var found = false
        if try scanner.openArray() {
            repeat {
                if count == wanted {
                    found = true
                    try walk(Array(path.dropFirst()), walked: walked + [String(wanted)])
                } else {
                    try scanner.skipValue()
                }
                count += 1
            } while try scanner.nextElement()
        }
        guard found else {
            throw Diagnostic("the array at \(here) has \(count) elements; there is no element \(wanted)",
                             location: scanner.location(of: start), hints: ["elements are numbered from 0"])
        }
    }
}

/// Arrays of records inside a top-level object, for a document loaded without a path.
enum JSONPathFinder {
    struct Candidate {
        var path: String
        var records: Int
    }

    /// Every array whose first element is an object, under objects only (not inside records).
    static func candidates(_ scanner: JSONScanner) throws(Diagnostic) -> [Candidate] {
        var found: [Candidate] = []
        try search(scanner, prefix: "", depth: 0, into: &found)
        return found
    }

    private static func search(_ scanner: JSONScanner, prefix: String, depth: Int,
                               into found: inout [Candidate]) throws(Diagnostic) {
        guard try scanner.openObject() else { return }
        repeat {
            let key = try scanner.key()
            let path = prefix.isEmpty ? key : prefix + "." + key
            scanner.skipWhitespace()
            switch scanner.peek() {
            case UInt8(ascii: "{") where depth < 16:
                try search(scanner, prefix: path, depth: depth + 1, into: &found)
            case UInt8(ascii: "["):
                var count = 0
                var ofObjects = false
                if try scanner.openArray() {
                    ofObjects = scanner.peek() == UInt8(ascii: "{")
                    repeat {
                        try scanner.skipValue()
                        count += 1
                    } while try scanner.nextElement()
                }
                if ofObjects { found.append(Candidate(path: path, records: count)) }
            default:
                try scanner.skipValue()
            }
        } while try scanner.nextMember()
    }
}
