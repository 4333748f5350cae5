import Foundation
import SverkaSyntax

/// The messages a load can fail with. Locations are `path:line:column`: the physical line in
/// the file and the character column (1-based) where the problem starts.
enum CSVLoadError {
    static func cannotOpen(_ path: String, reason: String, code: Int32) -> Diagnostic {
        if code == ENOENT {
            return Diagnostic("cannot load '\(path)': no such file", location: path,
                              hints: ["relative paths start in \(FileManager.default.currentDirectoryPath)"])
        }
        return Diagnostic("cannot load '\(path)': \(reason)", location: path)
    }

    static func isDirectory(_ path: String) -> Diagnostic {
        Diagnostic("cannot load '\(path)': it is a directory, not a file", location: path)
    }

    static func notRegular(_ path: String) -> Diagnostic {
        Diagnostic("cannot load '\(path)': it is not a regular file", location: path,
                   hints: ["the file is read twice (types first, then rows); save a pipe's output to a file first"])
    }

    static func emptyFile(_ path: String) -> Diagnostic {
        Diagnostic("cannot load '\(path)': the file is empty", location: path,
                   hints: ["a CSV file needs at least a header row naming its columns"])
    }

    static func noHeader(_ path: String) -> Diagnostic {
        Diagnostic("cannot load '\(path)': the file has no header row, only blank lines", location: path,
                   hints: ["a CSV file needs at least a header row naming its columns"])
    }

    static func unterminatedQuote(at location: String) -> Diagnostic {
        Diagnostic("a quoted field opened here is never closed: the quote runs to the end of the file",
                   location: location,
                   hints: ["a quote inside a quoted field is written twice: \"12\"\" pipe\""])
    }

    static func recordTooLong(_ limit: Int, quoted: Bool, at location: String) -> Diagnostic {
        let size = "\(limit >> 20) MB"
        return quoted
            ? Diagnostic("a quoted field opened here is still open after \(size): its closing quote is probably missing",
                         location: location, hints: ["a quote inside a quoted field is written twice: \"12\"\" pipe\""])
            : Diagnostic("a row starting here is longer than \(size)", location: location)
    }

    static func invalidUTF8(_ bytes: String, at location: String) -> Diagnostic {
        invalidUTF8(bytes, at: location, utf8Line: nil, encodingWasGiven: true)
    }

    /// Bytes that are not UTF-8 where UTF-8 was asked for, or after the file already showed UTF-8 text.
    static func invalidUTF8(_ bytes: String, at location: String, utf8Line: Int?, encodingWasGiven: Bool) -> Diagnostic {
        var error = Diagnostic("the file is not valid UTF-8: bytes \(bytes) here", location: location)
        if let utf8Line, !encodingWasGiven {
            error.hints.append("line \(utf8Line) holds UTF-8 text, so the file mixes encodings; convert the other part, e.g. with iconv")
        } else {
            error.hints.append("if the file is in Windows-1251: with (encoding: \"windows-1251\")")
        }
        return error
    }

    static func textAfterClosingQuote(at location: String) -> Diagnostic {
        Diagnostic("unexpected text after a closing quote", location: location,
                   hints: ["a quote inside a quoted field is written twice: \"ООО \"\"Ромашка\"\"\""])
    }

    static func fieldCount(_ found: Int, expected: Int, at location: String) -> Diagnostic {
        let fields = found == 1 ? "1 field" : "\(found) fields"
        return Diagnostic("this row has \(fields), the header has \(expected)", location: location,
                          hints: [found > expected
                                  ? "a separator inside a value needs quotes: \"Moscow, Russia\""
                                  : "a value may be missing, or a quoted value may span lines"])
    }

    static func tooManyColumns(_ count: Int, path: String) -> Diagnostic {
        Diagnostic("cannot load '\(path)': it has \(count) columns; a table holds at most 2000", location: path)
    }

    static func cannotHold(column: String, type: LogicalType, value: String, failure: FieldConverter.Failure,
                           at location: String) -> Diagnostic {
        var error = Diagnostic("column '\(column)' (\(type)) cannot hold \(ColumnDecision.quoted(value))", location: location)
        switch failure {
        case .tooManyDecimals(let places):
            error.hints.append("it has \(places) decimal places and \(type) keeps \(type.scaleText); loads never round")
        case .outOfRange:
            error.hints.append("it is beyond 64-bit integers; load the column as text")
        case .invalid:
            error.hints.append("expected \(type.exampleText)")
        }
        return error.hint("or give the column the type text to keep such values as written")
    }

    /// A value of a CSV column that its type cannot hold, found once the whole column was seen.
    static func badValue(in plan: ColumnPlan, sample: ValueSample, path: String) -> Diagnostic {
        let type = plan.column.type
        var error = Diagnostic("column '\(plan.column.name)' (\(type)) cannot hold \(ColumnDecision.quoted(sample.text))",
                               location: sample.location)
        switch sample.failure {
        case .tooManyDecimals(let places):
            error.hints.append("it has \(places) decimal places and \(type) keeps \(type.scaleText); loads never round")
        case .outOfRange:
            error.hints.append("it is beyond 64-bit integers; load the column as text")
        case .invalid:
            error.hints.append("expected \(plan.format.exampleText)")
        }
        let others = plan.values - plan.badValues
        if others > 0 {
            let format = plan.summary.isEmpty ? "\(type)" : plan.summary
            error.hints.append("the column's other \(others) values read as \(format)"
                               + (plan.badValues > 1 ? "; \(plan.badValues) values do not" : ""))
        }
        return error.hint(skipHint).hint("or give the column the type text to keep such values as written")
    }

    static let skipHint = "to load the other rows and keep the bad ones in a table: with (on_error: \"skip\")"

    /// `cannotHold` for a CSV column, which can also be skipped.
    static func cannotHoldInCSV(column: String, type: LogicalType, value: String, failure: FieldConverter.Failure,
                                at location: String) -> Diagnostic {
        var error = cannotHold(column: column, type: type, value: value, failure: failure, at: location)
        error.hints.insert(skipHint, at: max(0, error.hints.count - 1))
        return error
    }

    /// Too many bad rows for `max_errors`.
    static func tooManyBadRows(atLeast count: Int, limit: Int, path: String) -> Diagnostic {
        Diagnostic("'\(path)' has \(count) bad rows, more than max_errors allows (\(limit))", location: path,
                   hints: ["the workspace is unchanged; raise max_errors, or fix the file",
                           "to see them all: with (on_error: \"skip\") and no max_errors, then look at the rejects table"])
    }

    static func changedDuringLoad(_ path: String, at location: String? = nil) -> Diagnostic {
        Diagnostic("'\(path)' changed while it was being loaded", location: location ?? path,
                   hints: ["load it again once it is complete; the workspace is unchanged"])
    }

    static func interrupted() -> Diagnostic {
        Diagnostic("load interrupted", hints: ["the workspace is unchanged"])
    }
}

extension LogicalType {
    /// An example of the form a value must have, for messages.
    var exampleText: String {
        switch self {
        case .integer: return "a whole number like -42"
        case .decimal(let scale):
            guard scale > 0 else { return "a whole number like 1234" }
            return "a number like 1234.\(String(repeating: "5", count: scale)) (a point, no spaces or commas)"
        case .number: return "a number like 3.14"
        case .date: return "a date like 2026-11-30 (yyyy-MM-dd)"
        case .datetime: return "a date and time like 2026-11-30 14:05:00"
        case .bool: return "true or false"
        case .text, .null: return "text"
        }
    }

    var scaleText: String {
        if case .decimal(let scale) = self { return scale == 1 ? "1 place" : "\(scale) places" }
        return "none"
    }
}
