import Foundation
import SverkaSyntax

/// Loads a delimited text file into a workspace table, atomically.
///
/// The first 64 KiB settle the encoding and the separator; then two streaming passes: the first
/// decides every column's type and format from all its values (and checks the file), the
/// second converts and inserts. The table (and, when bad rows are skipped, `NAME_rejects`) is
/// replaced in one transaction. A file whose content and options are those of the table's last
/// load is not read at all.
public struct CSVLoader {
    public init() {}

    public func load(_ request: LoadRequest, into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let database = workspace.database
        let catalog = workspace.catalog
        try checkTarget(request, catalog: catalog)
        let file = try CSVInputFile(path: request.path)
        let digest = FileDigest.start(descriptor: file.descriptor)
        defer { digest.cancel() }
        database.resetInterruptRequest()
        if !request.options.force, let previous = try unchangedCandidate(request, workspace: workspace),
           digest.wait() == previous.source.contentHash, !file.changedSinceOpened() {
            var report = LoadReport(table: previous.name, rows: previous.source.rows, columns: previous.columns,
                                    notes: previous.source.notes, seconds: Self.seconds(since: started), path: request.path)
            report.unchanged = true
            return report
        }
        let ticker = LoadProgressTicker(request.progress, totalBytes: file.size, started: started)
        let shape = try CSVSniffer.sniff(file, options: request.options, path: request.path)
        var plan = try CSVFirstPass.run(try reader(file, shape: shape, encoding: shape.encoding, request: request, first: true),
                                        shape: shape, options: request.options, database: database, progress: ticker)
        let writer = TableWriter(database: database, table: request.table, columns: plan.resultColumns)
        let settings = try LoadSettings.apply(to: database)
        defer { settings.restore(on: database) }
        let skip = request.options.onError == .skip
        var outcome = CSVSecondPass.Outcome()
        do {
            try database.inTransaction { () throws(Diagnostic) in
                try writer.createStaging()
                let insert = try writer.insertStatement()
                let rejects = skip ? try CSVRejects(table: request.table, database: database) : nil
                outcome = try CSVSecondPass.run(try reader(file, shape: shape, encoding: plan.encoding, request: request, first: false),
                                                plan: plan, header: request.options.header, insert: insert, rejects: rejects,
                                                database: database, progress: ticker)
                try Self.checkRejects(outcome, options: request.options, path: request.path)
                if skip { plan.notes.append(Self.rejectsNote(outcome, table: request.table)) }
                let hash = try Self.finalHash(file: file, digest: digest, path: request.path)
                let source = SourceRecord(path: file.absolutePath, contentHash: hash, options: request.options.canonicalText,
                                          rows: outcome.rows, loadedAt: Date(), notes: plan.notes.texts)
                try writer.publish(catalog: catalog, source: source)
                try rejects?.publish(catalog: catalog)
            }
        } catch {
            // SQLite's own "query interrupted" would be the wrong word for a load.
            throw database.isInterruptRequested ? CSVLoadError.interrupted() : error
        }
        var report = LoadReport(table: request.table, rows: outcome.rows, columns: plan.resultColumns, notes: plan.notes.texts,
                                seconds: Self.seconds(since: started), path: request.path)
        report.highlights = plan.notes.highlights
        report.rejected = outcome.rejected
        report.rejectsTable = skip ? CSVRejects.tableName(for: request.table) : nil
        return report
    }

    /// A reader from the file's start in the given encoding; only the first pass may still
    /// switch from UTF-8 to Windows-1251.
    func reader(_ file: CSVInputFile, shape: CSVFileShape, encoding: TextEncoding, request: LoadRequest,
                first: Bool) throws(Diagnostic) -> CSVRecordReader {
        let source = try CSVByteSource(file: file, encoding: encoding, skip: shape.byteOrderMark)
        return CSVRecordReader(source: source, dialect: CSVDialect(separator: shape.separator), displayPath: request.path,
                               fallback: first ? shape.fallback : nil, encodingWasGiven: request.options.encoding != nil)
    }

    /// The name must be free for a table (and its rejects table).
    func checkTarget(_ request: LoadRequest, catalog: Catalog) throws(Diagnostic) {
        try TableNames.validate(request.table)
        if let existing = catalog.resolve(request.table), existing.kind == .query,
           existing.name.lowercased() == request.table.lowercased() {
            throw Diagnostic("'\(existing.name)' is a named query; a load cannot replace it",
                             hints: ["load into another name, or 'drop \(existing.name)' first"])
        }
        guard request.options.onError == .skip else { return }
        let rejects = CSVRejects.tableName(for: request.table)
        if let existing = catalog.resolve(rejects), existing.kind == .query, existing.name.lowercased() == rejects.lowercased() {
            throw Diagnostic("'\(existing.name)' is a named query; the bad rows of \(request.table) would replace it",
                             hints: ["rename or drop the query '\(existing.name)' first"])
        }
    }

    static func checkRejects(_ outcome: CSVSecondPass.Outcome, options: LoadOptions, path: String) throws(Diagnostic) {
        if let limit = options.maxErrors, outcome.rejected > limit {
            throw CSVLoadError.tooManyBadRows(atLeast: outcome.rejected, limit: limit, path: path)
        }
    }

    static func rejectsNote(_ outcome: CSVSecondPass.Outcome, table: String) -> LoadNote {
        let name = CSVRejects.tableName(for: table)
        switch outcome.rejected {
        case 0: return LoadNote("rejects: none (\(name) is empty)")
        case 1: return .notable("rejects: 1 bad row, in \(name)")
        default: return .notable("rejects: \(outcome.rejected) bad rows, in \(name)")
        }
    }

    /// The file's hash, once it is known not to have changed while it was read.
    static func finalHash(file: CSVInputFile, digest: FileDigest, path: String) throws(Diagnostic) -> String {
        guard !file.changedSinceOpened(), let hash = digest.wait() else { throw CSVLoadError.changedDuringLoad(path) }
        return hash
    }

    static func seconds(since started: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }
}
