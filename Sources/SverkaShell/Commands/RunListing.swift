import SverkaEngine

/// How `runs` and `run show` lay out the run records.
enum RunListing {
    static let columns = [
        ResultColumn(name: "id", type: .integer), ResultColumn(name: "script", type: .text),
        ResultColumn(name: "parameters", type: .text), ResultColumn(name: "started", type: .text),
        ResultColumn(name: "ended", type: .text), ResultColumn(name: "status", type: .text),
        ResultColumn(name: "statements", type: .integer), ResultColumn(name: "rows_loaded", type: .integer),
        ResultColumn(name: "items_synced", type: .integer), ResultColumn(name: "error", type: .text),
    ]

    static func row(_ record: RunRecord) -> [Value] {
        [.integer(record.id), .text(record.script), .text(record.parameters.replacingOccurrences(of: "\n", with: ", ")),
         .text(record.startedAt), record.endedAt.map(Value.text) ?? .null,
         .text(record.status.rawValue + (record.isDryRun ? " (dry run)" : "")),
         .integer(Int64(record.statements)), .integer(Int64(record.rowsLoaded)), .integer(Int64(record.itemsSynced)),
         record.error.map(Value.text) ?? .null]
    }

    static let statementColumns = [
        ResultColumn(name: "seq", type: .integer), ResultColumn(name: "source", type: .text),
        ResultColumn(name: "line", type: .integer), ResultColumn(name: "statement", type: .text),
        ResultColumn(name: "status", type: .text), ResultColumn(name: "seconds", type: .number),
        ResultColumn(name: "error", type: .text),
    ]

    static func statementRow(_ record: RunStatementRecord) -> [Value] {
        [.integer(Int64(record.sequence)), .text(record.source), .integer(Int64(record.line)),
         .text(record.statement.replacingOccurrences(of: "\n", with: " ")), .text(record.status),
         .number((record.seconds * 1000).rounded() / 1000), record.error.map(Value.text) ?? .null]
    }

    /// The lines above `run show`'s table of statements.
    static func header(_ record: RunRecord) -> String {
        var lines = ["run \(record.id): \(record.script)\(record.isDryRun ? " (dry run)" : "") — \(record.status.rawValue)",
                     "started \(record.startedAt)" + (record.endedAt.map { ", ended \($0)" } ?? "")
                        + " by \(record.user), pid \(record.processID)",
                     "statements \(record.statements), rows loaded \(record.rowsLoaded), items synced \(record.itemsSynced)"]
        if !record.parameters.isEmpty { lines.append("parameters: " + record.parameters.replacingOccurrences(of: "\n", with: ", ")) }
        if let error = record.error { lines.append("error: \(error)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
