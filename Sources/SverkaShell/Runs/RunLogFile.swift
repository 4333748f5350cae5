import Foundation
import SverkaEngine
import SverkaSyntax

/// `--log FILE`: one JSON object per line, appended — one per statement as it finishes and one
/// for the run at its end — for monitoring systems that tail a file. Each line is written with
/// a single `write` to a file opened with O_APPEND, so lines of concurrent writers never
/// interleave, and a run killed midway leaves only whole lines.
final class RunLogFile {
    private let descriptor: Int32
    let path: String

    init(path: String) throws(Diagnostic) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Diagnostic("cannot open the log file '\(path)': \(String(cString: strerror(errno)))")
                .hint("check that its folder exists and is writable")
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    func write(_ fields: [(String, JSONField)]) {
        var line = "{" + fields.map { "\(JSONText.string($0.0)):\($0.1.json)" }.joined(separator: ",") + "}\n"
        line.withUTF8 { bytes in
            _ = Glibc.write(descriptor, bytes.baseAddress, bytes.count)
        }
    }
}

/// A value of a log line.
enum JSONField {
    case text(String)
    case integer(Int)
    case seconds(Double)
    case null

    var json: String {
        switch self {
        case .text(let text): return JSONText.string(text)
        case .integer(let number): return String(number)
        case .seconds(let value): return String(format: "%.3f", value)
        case .null: return "null"
        }
    }

    static func optional(_ text: String?) -> JSONField { text.map(JSONField.text) ?? .null }
}
