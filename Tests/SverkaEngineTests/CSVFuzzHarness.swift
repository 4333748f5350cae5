import Foundation
import SverkaEngine
import SverkaSyntax

/// What the CSV loader must do with any bytes as the content of a file, loaded by the real
/// loader (encoding and separator detection, both passes, type inference, conversion, the
/// insert) into a workspace: return a table or an error; after an error, leave every table
/// exactly as it was (rows, columns, source); after a load, hold the rows and columns the report
/// says, every value decoding as its column's type, and as many rejected rows as were skipped.
/// Shared, as one file, by the libFuzzer target (Fuzz/Sources/fuzz-csv links to it), which
/// crashes on a problem, and by FuzzRegressionTests, which replays every saved input.
final class CSVFuzzHarness {
    /// The option sets a fuzzed file is loaded with: detection of everything, and the options
    /// that switch the loader onto its other paths (no header, skipping bad rows, forced types,
    /// a decimal comma, explicit single-byte and UTF-16 encodings, a month-first date format).
    static let variants: [LoadOptions] = {
        let detected = LoadOptions()
        var headerless = LoadOptions(columnTypes: ["c2": .decimal(scale: 2), "c3": .date])
        headerless.header = false
        headerless.onError = .skip
        var russian = LoadOptions()
        russian.delimiter = UInt8(ascii: ";")
        russian.decimal = UInt8(ascii: ",")
        russian.thousands = " "
        russian.dateFormat = .dotted
        var koi8 = LoadOptions()
        koi8.encoding = .koi8r
        koi8.onError = .skip
        koi8.maxErrors = 3
        var utf16 = LoadOptions()
        utf16.encoding = .utf16BE
        utf16.dateFormat = .monthFirst
        return [detected, headerless, russian, koi8, utf16]
    }()

    /// The table every input is loaded into, replacing the last one, as a nightly reload does.
    static let table = "fuzzed"

    let workspace: Workspace
    /// The loader reads files, so each input is written here first.
    let path: String

    init(workspace: Workspace, path: String) {
        self.workspace = workspace
        self.path = path
    }

    /// Every broken rule, as a sentence; empty when the input was handled.
    func problems(in bytes: UnsafeBufferPointer<UInt8>, options: LoadOptions) -> [String] {
        guard write(bytes) else { return ["cannot write \(path): \(String(cString: strerror(errno)))"] }
        var options = options
        // The same bytes may come again with the same options: they must be read, not skipped.
        options.force = true
        let before: [TableSummary]
        do { before = try workspace.tables() } catch { return ["the workspace cannot list its tables: \(error.message)"] }
        do {
            let report = try CSVLoader().load(LoadRequest(path: path, table: Self.table, options: options), into: workspace)
            return checkLoaded(report)
        } catch {
            _ = DiagnosticRenderer().render(error, in: nil)
            do {
                let after = try workspace.tables()
                return after == before ? [] : ["a failed load (\(error.message)) changed the tables: \(before) → \(after)"]
            } catch {
                return ["after a failed load the workspace cannot list its tables: \(error.message)"]
            }
        }
    }

    /// Replaces the file's content; plainly, since FileManager's atomic write syncs the disk each
    /// time, which would make the fuzzer wait on I/O rather than run the loader.
    private func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let got = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            written += got
        }
        return true
    }

    private func checkLoaded(_ report: LoadReport) -> [String] {
        do {
            let statement = try workspace.database.prepare("SELECT * FROM \(Self.table)")
            guard statement.columnCount == report.columns.count else {
                return ["the table has \(statement.columnCount) columns, the report \(report.columns.count)"]
            }
            var rows = 0
            while try statement.step() {
                for (index, column) in report.columns.enumerated() {
                    _ = Value.decode(statement.storedValue(at: index), as: column.type).description
                }
                rows += 1
            }
            var problems: [String] = []
            if rows != report.rows { problems.append("the table has \(rows) rows, the report \(report.rows)") }
            if let rejects = report.rejectsTable {
                let stored = try workspace.database.scalar("SELECT count(*) FROM \"\(rejects)\"")
                if stored != .integer(Int64(report.rejected)) {
                    problems.append("\(rejects) holds \(stored.map { "\($0)" } ?? "nothing"), not the \(report.rejected) rejected rows")
                }
            }
            return problems
        } catch {
            return ["a loaded table cannot be read back: \(error.message)"]
        }
    }
}
