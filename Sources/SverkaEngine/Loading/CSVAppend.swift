import Foundation
import SverkaSyntax

/// `append "PATH" to NAME`: the file is read as for a load, its columns matched to the table's,
/// and its rows added in one transaction — all of them, or none.
extension CSVLoader {
    public func append(_ request: LoadRequest, into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let database = workspace.database
        let catalog = workspace.catalog
        guard let schema = catalog.schema(of: request.table), schema.kind == .table else {
            if catalog.schema(of: request.table) != nil {
                throw Diagnostic("'\(request.table)' is a named query; rows can only be appended to a table")
            }
            throw Diagnostic("no table '\(request.table)' to append to",
                             hints: ["load the first file with: load \"…\" as \(request.table)"])
        }
        try checkTarget(LoadRequest(path: request.path, table: schema.name, options: request.options), catalog: catalog)
        let file = try CSVInputFile(path: request.path)
        let digest = FileDigest.start(descriptor: file.descriptor)
        defer { digest.cancel() }
        database.resetInterruptRequest()
        let ticker = LoadProgressTicker(request.progress, totalBytes: file.size, started: started)
        let shape = try CSVSniffer.sniff(file, options: request.options, path: request.path)
        var plan = try CSVFirstPass.run(try reader(file, shape: shape, encoding: shape.encoding, request: request, first: true),
                                        shape: shape, options: request.options, database: database, progress: ticker)
        let targets = try Self.match(plan, to: schema, path: request.path)
        for (index, target) in targets.enumerated() { plan.columns[index].format = target.format }
        let columnList = targets.map { SQLiteQuoting.identifier($0.column.name) }.joined(separator: ", ")
        let placeholders = [String](repeating: "?", count: targets.count).joined(separator: ", ")
        let settings = try LoadSettings.apply(to: database)
        defer { settings.restore(on: database) }
        let skip = request.options.onError == .skip
        var outcome = CSVSecondPass.Outcome()
        do {
            try database.inTransaction { () throws(Diagnostic) in
                let insert = try database.prepare(
                    "INSERT INTO \(SQLiteQuoting.identifier(schema.name)) (\(columnList)) VALUES (\(placeholders))", persistent: true)
                let rejects = skip ? try CSVRejects(table: schema.name, database: database) : nil
                outcome = try CSVSecondPass.run(try reader(file, shape: shape, encoding: plan.encoding, request: request, first: false),
                                                plan: plan, header: request.options.header, insert: insert, rejects: rejects,
                                                database: database, progress: ticker)
                try Self.checkRejects(outcome, options: request.options, path: request.path)
                if skip { plan.notes.append(Self.rejectsNote(outcome, table: schema.name)) }
                let hash = try Self.finalHash(file: file, digest: digest, path: request.path)
                if let old = catalog.source(of: schema.name) {
                    // A changed options text keeps a later load of the first file from counting as unchanged.
                    let source = SourceRecord(path: old.path, contentHash: old.contentHash,
                                              options: old.options + "; appended: \(file.absolutePath) \(hash.prefix(16))",
                                              rows: old.rows + outcome.rows, loadedAt: old.loadedAt,
                                              notes: old.notes + ["appended \(outcome.rows == 1 ? "1 row" : "\(outcome.rows) rows") from \(request.path)"])
                    try catalog.register(table: schema.name, columns: schema.columns, source: source)
                }
                try rejects?.publish(catalog: catalog)
            }
        } catch {
            throw database.isInterruptRequested ? CSVLoadError.interrupted() : error
        }
        var report = LoadReport(table: schema.name, rows: outcome.rows, columns: schema.columns, notes: plan.notes.texts,
                                seconds: Self.seconds(since: started), path: request.path)
        report.appended = true
        report.highlights = plan.notes.highlights
        report.rejected = outcome.rejected
        report.rejectsTable = skip ? CSVRejects.tableName(for: schema.name) : nil
        if case .integer(let total)? = try? database.scalar("SELECT count(*) FROM \(SQLiteQuoting.identifier(schema.name))") {
            report.totalRows = Int(total)
        }
        return report
    }

    /// For each column of the file, the table column it fills and the format that converts it
    /// to that column's type.
    static func match(_ plan: CSVPlan, to schema: TableSchema, path: String) throws(Diagnostic) -> [(column: ResultColumn, format: FieldFormat)] {
        let fileColumns = plan.columns
        var used = Set<Int>()
        var targets: [(column: ResultColumn, format: FieldFormat)] = []
        for (position, file) in fileColumns.enumerated() {
            let name = file.column.name
            let index = schema.columns.firstIndex { $0.name == name }
                ?? schema.columns.firstIndex { $0.name.lowercased() == name.lowercased() }
                ?? (name == "c\(position + 1)" && fileColumns.count == schema.columns.count ? position : nil)
            guard let index, !used.contains(index) else {
                throw Diagnostic("cannot append '\(path)' to \(schema.name): it has a column '\(name)' that \(schema.name) has not",
                                 location: path,
                                 hints: ["\(schema.name)'s columns: " + schema.columns.map(\.name).joined(separator: ", ")])
            }
            used.insert(index)
            let target = schema.columns[index]
            guard let format = fitting(file, into: target.type) else {
                var error = Diagnostic("cannot append '\(path)' to \(schema.name): column '\(target.name)' is \(target.type) "
                                       + "in \(schema.name) but \(file.column.type) in the file", location: path)
                error.hints.append("the file's column: \(file.note.text)")
                throw error.hint("to read it as \(schema.name) has it: with (types: (\(CSVColumnDecision.quotedName(name)): \(target.type)))")
            }
            targets.append((target, format))
        }
        let missing = schema.columns.indices.filter { !used.contains($0) }.map { schema.columns[$0].name }
        guard missing.isEmpty else {
            throw Diagnostic("cannot append '\(path)' to \(schema.name): the file has no column "
                             + missing.map { "'\($0)'" }.joined(separator: ", "), location: path,
                             hints: ["the file's columns: " + fileColumns.map(\.column.name).joined(separator: ", ")])
        }
        return targets
    }

    /// The format that stores a file column's values in a table column of `type`, or nil when
    /// they do not fit: same type, integer or smaller scale into decimal, into number, date into
    /// datetime, anything into text (as written), an all-empty column into anything.
    static func fitting(_ file: ColumnPlan, into type: LogicalType) -> FieldFormat? {
        var format = file.format
        let from = file.column.type
        switch (from, type) {
        case _ where from == type:
            return format
        case (_, .text):
            format.type = .text
            format.verbatim = true
            return format
        case (.text, _) where file.values == 0:
            format.type = type
            return format
        case (.integer, .decimal), (.integer, .number), (.decimal, .number), (.date, .datetime):
            format.type = type
            return format
        case (.decimal(let have), .decimal(let want)) where have <= want:
            format.type = type
            return format
        default:
            return nil
        }
    }
}
