import Foundation
import SverkaSyntax

/// Drives a load of rows already split into fields, the way `CSVLoader` drives a CSV load:
/// types from all values first, then the rows into a staging table that replaces the old one
/// in the same transaction as its catalog entry. Any error leaves the workspace as it was.
struct RowTableLoad {
    let request: LoadRequest
    let workspace: Workspace
    let started = DispatchTime.now().uptimeNanoseconds

    /// Checks the target name before any parsing, so a bad name fails at once.
    init(_ request: LoadRequest, into workspace: Workspace) throws(Diagnostic) {
        self.request = request
        self.workspace = workspace
        try TableNames.validate(request.table)
        if let existing = workspace.catalog.resolve(request.table), existing.kind == .query,
           existing.name.lowercased() == request.table.lowercased() {
            throw Diagnostic("'\(existing.name)' is a named query; a load cannot replace it",
                             hints: ["load into another name, or 'drop \(existing.name)' first"])
        }
        workspace.database.resetInterruptRequest()
    }

    /// Infers, writes and publishes the rows of a file read whole.
    func run(_ source: some RowTableSource, input: RowTableInput, formatNotes: [String],
             options: String) throws(Diagnostic) -> LoadReport {
        try run(source, origin: input.absolutePath, contentHash: input.contentHash, formatNotes: formatNotes, options: options)
    }

    /// Infers, writes and publishes the rows. `formatNotes` come first in the report (format,
    /// encoding, sheet or path); `origin`, `contentHash` and `options` are stored with the source;
    /// the hash is asked for inside the transaction, last, so a file that changed meanwhile fails the load.
    func run(_ source: some RowTableSource, origin: String, contentHash: () throws(Diagnostic) -> String,
             formatNotes: [String], options: String) throws(Diagnostic) -> LoadReport {
        let database = workspace.database
        let plan = try RowTableFirstPass.run(source, options: request.options, path: request.path, database: database)
        let notes = formatNotes + plan.notes
        let writer = TableWriter(database: database, table: request.table, columns: plan.columns)
        let settings = try LoadSettings.apply(to: database)
        defer { settings.restore(on: database) }
        do {
            try database.inTransaction { () throws(Diagnostic) in
                try writer.createStaging()
                let insert = try writer.insertStatement()
                let rows = try RowTableSecondPass.run(source, columns: plan.columns, insert: insert, database: database)
                let source = SourceRecord(path: origin, contentHash: try contentHash(), options: options,
                                          rows: rows, loadedAt: Date(), notes: notes)
                try writer.publish(catalog: workspace.catalog, source: source)
            }
        } catch {
            // SQLite's own "query interrupted" would be the wrong word for a load.
            throw database.isInterruptRequested ? CSVLoadError.interrupted() : error
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return LoadReport(table: request.table, rows: plan.rows, columns: plan.columns, notes: notes,
                          seconds: seconds, path: request.path)
    }

    /// The stored options text: the format, its own options, and the user's column types.
    static func canonicalOptions(format: String, _ parts: [String], columnTypes: [String: LogicalType]) -> String {
        var all = ["format: \(format)"] + parts
        if !columnTypes.isEmpty {
            let types = columnTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            all.append("types: " + types.joined(separator: ", "))
        }
        return all.joined(separator: "; ")
    }
}
