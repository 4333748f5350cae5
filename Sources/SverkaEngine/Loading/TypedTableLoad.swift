import Foundation
import SverkaSyntax

/// A load of rows whose types the source already knows (a PostgreSQL result): no inference,
/// the rows go straight into a staging table that replaces the old one, with its catalog entry,
/// in one transaction. Any error — the source's, or a value that does not fit — leaves the
/// workspace as it was. The source streams: rows are written as they arrive, never held.
public struct TypedTableLoad {
    let workspace: Workspace
    let table: String
    let columns: [ResultColumn]

    /// Checks the target name before anything is read, so a bad name fails at once.
    public init(into workspace: Workspace, table: String, columns: [ResultColumn]) throws(Diagnostic) {
        try TableNames.validate(table)
        if let existing = workspace.catalog.resolve(table), existing.kind == .query,
           existing.name.lowercased() == table.lowercased() {
            throw Diagnostic("'\(existing.name)' is a named query; a load cannot replace it",
                             hints: ["load into another name, or 'drop \(existing.name)' first"])
        }
        self.workspace = workspace
        self.table = table
        self.columns = columns
        workspace.database.resetInterruptRequest()
    }

    /// Runs `produce`, which calls `insert` once per row (values in the columns' storage form),
    /// then publishes the table. `origin` and `options` are stored with the source, as a file's
    /// path and options are; `notes` explain the types.
    public func run(origin: String, options: String, notes: [String],
                    produce: (_ insert: ([StoredValue]) throws(Diagnostic) -> Void) throws(Diagnostic) -> Void)
    throws(Diagnostic) -> LoadReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let database = workspace.database
        let writer = TableWriter(database: database, table: table, columns: columns)
        let settings = try LoadSettings.apply(to: database)
        defer { settings.restore(on: database) }
        var rows = 0
        do {
            try database.inTransaction { () throws(Diagnostic) in
                try writer.createStaging()
                let insert = try writer.insertStatement()
                try produce { values throws(Diagnostic) in
                    if database.isInterruptRequested { throw CSVLoadError.interrupted() }
                    insert.reset()
                    try insert.bind(values)
                    _ = try insert.step()
                    rows += 1
                }
                let source = SourceRecord(path: origin, contentHash: "", options: options, rows: rows,
                                          loadedAt: Date(), notes: notes)
                try writer.publish(catalog: workspace.catalog, source: source)
            }
        } catch {
            throw database.isInterruptRequested ? CSVLoadError.interrupted() : error
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return LoadReport(table: table, rows: rows, columns: columns, notes: notes, seconds: seconds, path: origin)
    }
}
