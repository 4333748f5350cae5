import Foundation
import SverkaSyntax

/// Loads a UTF-8, comma-separated file with a header row into a workspace table, atomically.
///
/// Two streaming passes: the first infers every column's type from all its values (and checks
/// the file), the second converts and inserts. The table is replaced in one transaction.
public struct CSVLoader {
    public init() {}

    public func load(_ request: LoadRequest, into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let database = workspace.database
        let catalog = workspace.catalog
        try TableNames.validate(request.table)
        if let existing = catalog.resolve(request.table), existing.kind == .query,
           existing.name.lowercased() == request.table.lowercased() {
            throw Diagnostic("'\(existing.name)' is a named query; a load cannot replace it",
                             hints: ["load into another name, or 'drop \(existing.name)' first"])
        }
        let file = try CSVInputFile(path: request.path)
        let digest = FileDigest.start(descriptor: file.descriptor)
        defer { digest.cancel() }
        database.resetInterruptRequest()

        let plan = try CSVFirstPass.run(try CSVRecordReader(file: file, dialect: .comma, displayPath: request.path),
                                        options: request.options, database: database)
        try file.rewind()
        let reader = try CSVRecordReader(file: file, dialect: .comma, displayPath: request.path)
        let writer = TableWriter(database: database, table: request.table, columns: plan.columns)

        let settings = try LoadSettings.apply(to: database)
        defer { settings.restore(on: database) }
        do {
            try write(plan, with: writer, reader: reader, file: file, digest: digest, request: request, catalog: catalog)
        } catch {
            // SQLite's own "query interrupted" would be the wrong word for a load.
            throw database.isInterruptRequested ? CSVLoadError.interrupted() : error
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return LoadReport(table: request.table, rows: plan.rows, columns: plan.columns, notes: plan.notes,
                          seconds: seconds, path: request.path)
    }

    /// The second pass and the swap, in one transaction.
    private func write(_ plan: LoadPlan, with writer: TableWriter, reader: CSVRecordReader, file: CSVInputFile,
                       digest: FileDigest, request: LoadRequest, catalog: Catalog) throws(Diagnostic) {
        let database = writer.database
        try database.inTransaction { () throws(Diagnostic) in
            try writer.createStaging()
            let insert = try writer.insertStatement()
            let rows = try CSVSecondPass.run(reader, columns: plan.columns, insert: insert, database: database)
            guard rows == plan.rows, !file.changedSinceOpened(), let hash = digest.wait() else {
                throw CSVLoadError.changedDuringLoad(request.path)
            }
            let source = SourceRecord(path: file.absolutePath, contentHash: hash, options: request.options.canonicalText,
                                      rows: rows, loadedAt: Date(), notes: plan.notes)
            try writer.publish(catalog: catalog, source: source)
        }
    }
}
