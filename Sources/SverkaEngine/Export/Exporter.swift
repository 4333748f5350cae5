import Foundation
import SverkaSyntax

/// Writes the rows of a compiled query to a file, atomically: rows stream from SQLite through
/// a format writer into a temporary file beside the target, which is renamed into place only
/// when every row is written. Any error removes the temporary file and leaves the target as
/// it was.
public struct Exporter {
    public init() {}

    public func export(_ query: CompiledQuery, _ request: ExportRequest,
                       from database: SQLiteDatabase) throws(Diagnostic) -> ExportReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let plan = try ExportPlan(path: request.path, options: request.options)
        let destination = try ExportDestination(path: request.filePath, displayPath: request.path)
        let context = ExportContext(options: plan.options, format: plan.format, displayPath: request.path,
                                    sheetName: ExportXLSXText.sheetName(request.sheetName))
        database.resetInterruptRequest()
        let rows: Int
        do throws(Diagnostic) {
            var writer = try makeWriter(plan, context: context, destination: destination)
            rows = try stream(query, from: database, into: &writer, masking: plan.options.appliedMasking)
            try writer.finish()
            try destination.commit()
        } catch {
            destination.discard()
            throw database.isInterruptRequested ? ExportError.interrupted(target: request.path) : error
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return ExportReport(rows: rows, path: request.path, format: plan.format,
                            encoding: plan.format == .xlsx ? nil : plan.options.encoding, seconds: seconds, notes: plan.notes)
    }

    private func makeWriter(_ plan: ExportPlan, context: ExportContext,
                            destination: ExportDestination) throws(Diagnostic) -> any ExportWriter {
        func output() throws(Diagnostic) -> ExportOutput {
            ExportOutput(descriptor: try destination.createTemporary(), displayPath: destination.displayPath,
                         encoding: plan.options.encoding)
        }
        switch plan.format {
        case .xlsx: return try ExportXLSXWriter(destination: destination, context: context)
        case .csv, .tsv:
            let text = try output()
            return ClosingWriter(ExportDelimitedWriter(output: text, context: context, delimiter: plan.delimiter), text)
        case .json, .ndjson:
            let text = try output()
            return ClosingWriter(ExportJSONWriter(output: text, context: context, lines: plan.format == .ndjson), text)
        case .markdown:
            let text = try output()
            return ClosingWriter(ExportMarkdownWriter(output: text, context: context), text)
        }
    }

    /// Runs the query and hands each row to the writer; the count of rows written.
    private func stream(_ query: CompiledQuery, from database: SQLiteDatabase,
                        into writer: inout any ExportWriter, masking: Masking?) throws(Diagnostic) -> Int {
        let statement = try database.prepare(query.sql)
        try statement.bind(query.parameters)
        let types = query.columns.map(\.type)
        try writer.begin(query.columns)
        var values = [Value](repeating: .null, count: types.count)
        var count = 0
        while try statement.step() {
            for index in types.indices {
                values[index] = Value.decode(statement.storedValue(at: index), as: types[index])
            }
            count += 1
            try writer.write(masking.map { $0.mask(values) } ?? values, number: count)
        }
        return count
    }
}

/// A text writer whose output is flushed and closed when it finishes.
private struct ClosingWriter<Inner: ExportWriter>: ExportWriter {
    var inner: Inner
    let output: ExportOutput

    init(_ inner: Inner, _ output: ExportOutput) {
        self.inner = inner
        self.output = output
    }

    mutating func begin(_ columns: [ResultColumn]) throws(Diagnostic) { try inner.begin(columns) }
    mutating func write(_ row: [Value], number: Int) throws(Diagnostic) { try inner.write(row, number: number) }

    mutating func finish() throws(Diagnostic) {
        try inner.finish()
        try output.close()
    }
}
