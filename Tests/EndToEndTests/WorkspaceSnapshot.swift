import Foundation
import XCTest

/// What a nightly run leaves behind, read back through sverka as a user would: every table and
/// named query (rows sorted, so that only contents count), the journal as `journal` shows it
/// and as `_sverka_journal` stores it (without times, users, process ids and absolute paths,
/// which differ between runs and folders), and the bytes of the outbox and export files.
struct WorkspaceSnapshot: Equatable {
    /// Name → header line, then the rows in sorted order.
    var tables: [String: [String]] = [:]
    var journal: [[String]] = []
    var storedJournal: [[String]] = []
    var outbox: Data?
    var export: Data?

    /// The table the `journal` command itself writes: its `at` column is the time of sending, so it
    /// is compared through `journal` instead.
    static let journalTable = "journal"
    /// The stored journal's columns that are the same in any run that sent the same items.
    static let storedJournalColumns = "idempotency_key, kind, deal_id, payload, payload_hash, file, file_sha256, status, delivered_ref"
    /// The `journal` columns that are not times or the OS user.
    static let journalColumns: Set<String> = ["kind", "key", "deal_id", "status", "file", "file_sha256", "invoice_id"]

    /// Reads `workspace` in `folder`, with `outbox` and `export` relative to it. Fails the test (and
    /// throws) when sverka cannot open the workspace or read one of its tables.
    static func read(_ workspace: String, in folder: URL, outbox: String, export: String) throws -> WorkspaceSnapshot {
        let listed = try SverkaProcess.run(["-w", workspace, "--format", "csv", "-c", "tables"], in: folder)
        guard listed.exitCode == 0 else { throw Failure("tables: \(listed.stderr)") }
        let names = CSVLines.rows(listed.stdout).dropFirst().compactMap(\.first).filter { $0 != journalTable }
        // One sverka for everything else: a section marker before each result.
        var statements = names.map { "print \"== table \($0)\"\nfrom \(quoted($0))" }
        statements.append("print \"== journal\"\njournal")
        statements.append("print \"== stored journal\"\nsql \"select \(storedJournalColumns) from _sverka_journal order by seq\"")
        let read = try SverkaProcess.run(["-w", workspace, "--format", "csv", "-c", statements.joined(separator: "\n")], in: folder)
        guard read.exitCode == 0 else { throw Failure("reading the tables \(names): \(read.stderr)") }

        var snapshot = WorkspaceSnapshot()
        for (title, lines) in sections(read.stdout) {
            if title.hasPrefix("table ") {
                snapshot.tables[String(title.dropFirst(6))] = Array(lines.prefix(1)) + lines.dropFirst().sorted()
            } else if title == "journal" {
                snapshot.journal = keep(journalColumns, of: lines)
            } else if title == "stored journal" {
                snapshot.storedJournal = CSVLines.rows(lines.joined(separator: "\n"))
            }
        }
        guard snapshot.tables.count == names.count else {
            throw Failure("read \(snapshot.tables.keys.sorted()) of \(names)")
        }
        snapshot.outbox = FileManager.default.contents(atPath: folder.appendingPathComponent(outbox).path)
        snapshot.export = FileManager.default.contents(atPath: folder.appendingPathComponent(export).path)
        return snapshot
    }

    /// `crm.deals` and other role names as a pipeline spells them.
    private static func quoted(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ? name : "`\(name)`"
    }

    /// The output cut at the `== TITLE` lines.
    private static func sections(_ output: String) -> [(String, [String])] {
        var result: [(String, [String])] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("== ") {
                result.append((String(line.dropFirst(3)), []))
            } else if !line.isEmpty, !result.isEmpty {
                result[result.count - 1].1.append(line)
            }
        }
        return result
    }

    /// The named columns of a CSV result, header included.
    private static func keep(_ columns: Set<String>, of lines: [String]) -> [[String]] {
        let rows = CSVLines.rows(lines.joined(separator: "\n"))
        guard let header = rows.first else { return [] }
        let kept = header.indices.filter { columns.contains(header[$0]) }
        return rows.map { row in kept.map { $0 < row.count ? row[$0] : "" } }
    }

    /// The differences from another snapshot, one line each, for a readable failure.
    func differences(from other: WorkspaceSnapshot) -> [String] {
        var lines: [String] = []
        for name in Set(tables.keys).union(other.tables.keys).sorted() where tables[name] != other.tables[name] {
            lines.append("table \(name): \(tables[name]?.joined(separator: " / ") ?? "absent") ≠ "
                + "\(other.tables[name]?.joined(separator: " / ") ?? "absent")")
        }
        if journal != other.journal { lines.append("journal: \(journal) ≠ \(other.journal)") }
        if storedJournal != other.storedJournal { lines.append("stored journal: \(storedJournal) ≠ \(other.storedJournal)") }
        if outbox != other.outbox { lines.append("outbox: \(Self.text(outbox)) ≠ \(Self.text(other.outbox))") }
        if export != other.export { lines.append("export: \(Self.text(export)) ≠ \(Self.text(other.export))") }
        return lines
    }

    private static func text(_ data: Data?) -> String {
        data.map { String(decoding: $0, as: UTF8.self) } ?? "absent"
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Splits CSV as sverka writes it (RFC 4180 quoting) into rows of fields.
enum CSVLines {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
