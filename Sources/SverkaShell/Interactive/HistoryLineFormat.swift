/// The on-disk form of sverka's history: one statement per line, so multi-line statements stay whole.
///
/// The file is UTF-8. Its first line is the header `#sverka-history 1`; every later line is one
/// statement, oldest first, with `\` written as `\\`, a line feed as `\n` and a carriage return
/// as `\r`. Nothing else is escaped, so the file stays readable and greppable. An unknown escape
/// is read back as written.
enum HistoryLineFormat {
    static let header = "#sverka-history 1"

    /// One statement as one line, without the line's own newline.
    static func encode(_ statement: String) -> String {
        var line = ""
        line.reserveCapacity(statement.utf8.count)
        for scalar in statement.unicodeScalars {
            switch scalar {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }

    /// The statement a line holds.
    static func decode(_ line: Substring) -> String {
        var statement = ""
        var escaping = false
        for scalar in line.unicodeScalars {
            if escaping {
                escaping = false
                switch scalar {
                case "\\": statement += "\\"
                case "n": statement += "\n"
                case "r": statement += "\r"
                default:
                    statement += "\\"
                    statement.unicodeScalars.append(scalar)
                }
            } else if scalar == "\\" {
                escaping = true
            } else {
                statement.unicodeScalars.append(scalar)
            }
        }
        if escaping { statement += "\\" }
        return statement
    }

    /// The statements of a whole file, oldest first.
    static func decodeFile(_ bytes: [UInt8]) -> [String] {
        // Split on bytes: a String split on "\n" would not split a hand-edited "\r\n" line.
        var lines = bytes.split(separator: UInt8(ascii: "\n")).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        if lines.first == header { lines.removeFirst() }
        return lines.filter { !$0.isEmpty }.map { decode(Substring($0)) }
    }

    /// A whole file holding `statements`.
    static func encodeFile(_ statements: [String]) -> String {
        ([header] + statements.map(encode)).joined(separator: "\n") + "\n"
    }
}
