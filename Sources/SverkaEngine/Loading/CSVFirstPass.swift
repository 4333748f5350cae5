import Foundation
import SverkaSyntax

/// What the first pass decided: every column's type and format, why, and what is known to be bad.
struct CSVPlan {
    var columns: [ColumnPlan]
    var notes: [LoadNote]
    /// Data records read, bad ones included.
    var records: Int
    /// Rows the second pass will reject at least: ragged rows, and the bad values of the worst column.
    var knownBadRows: Int
    /// The encoding the file turned out to be in (Windows-1251 after a late switch from UTF-8).
    var encoding: TextEncoding

    var resultColumns: [ResultColumn] { columns.map(\.column) }
    var formats: [FieldFormat] { columns.map(\.format) }
}

/// The first pass over the file: header, row shape, and the type and format of every column
/// judged on all of its values. Nothing is written.
enum CSVFirstPass {
    static let maximumColumns = 2000

    static func run(_ reader: CSVRecordReader, shape: CSVFileShape, options: LoadOptions, database: SQLiteDatabase,
                    progress: LoadProgressTicker) throws(Diagnostic) -> CSVPlan {
        let path = reader.displayPath
        guard let first = try reader.nextRecord() else { throw CSVLoadError.noHeader(path) }
        let width = first.count
        guard width <= maximumColumns else { throw CSVLoadError.tooManyColumns(width, path: path) }
        var headerNotes: [String] = []
        var names: [String]
        if options.header {
            try checkNames(first, reader: reader)
            (names, headerNotes) = HeaderNames.make((0..<width).map { first.text($0) })
        } else {
            names = (1...width).map { "c\($0)" }
        }
        let overrides = try RequestedColumnTypes.resolve(options.columnTypes, names: names, path: path)
        var scan = CSVColumnScan(width: width, names: names, overrides: overrides, options: options)
        defer { scan.release() }
        if !options.header { try scan.observe(first, reader: reader) }
        while let record = try reader.nextRecord() {
            guard record.count == width else {
                guard options.onError == .skip else { throw fieldCountError(reader, expected: width) }
                scan.ragged += 1
                continue
            }
            try scan.observe(record, reader: reader)
            if scan.records & 0xFFFF == 0 {
                if database.isInterruptRequested { throw CSVLoadError.interrupted() }
                progress.report(pass: 1, rows: scan.records, bytes: reader.bytesRead)
            }
        }
        return try plan(scan, names: names, headerLine: first.line, headerNotes: headerNotes, reader: reader,
                        shape: shape, options: options)
    }

    /// Decides every column, writes the notes, and stops a load that must stop.
    private static func plan(_ scan: CSVColumnScan, names: [String], headerLine: Int, headerNotes: [String],
                             reader: CSVRecordReader, shape: CSVFileShape, options: LoadOptions) throws(Diagnostic) -> CSVPlan {
        var votes = (point: 0, comma: 0)
        for index in 0..<names.count {
            let counts = scan.states[index].counts
            if counts[.pointNumber] > 0, counts[.commaNumber] == 0 { votes.point += 1 }
            if counts[.commaNumber] > 0, counts[.pointNumber] == 0 { votes.comma += 1 }
        }
        let context = CSVColumnDecision.Context(
            readings: scan.readings, dateFormat: options.dateFormat,
            habit: DecimalHabit(pointColumns: votes.point, commaColumns: votes.comma, fieldSeparator: shape.separator))
        var columns: [ColumnPlan] = []
        for (index, name) in names.enumerated() {
            if let type = scan.overrides[index] {
                columns.append(try CSVColumnDecision.decide(override: type, scan.states[index], tally: scan.tallies[index],
                                                            name: name, samples: scan.samples[index], context: context))
            } else {
                columns.append(CSVColumnDecision.decide(scan.states[index], name: name, samples: scan.samples[index],
                                                        context: context))
            }
            columns[index].values = scan.states[index].values
        }
        var encoding = shape.encoding
        var encodingNote = shape.encodingNote
        if let line = reader.fellBackAtLine {
            encoding = .windows1251
            encodingNote = CSVSniffer.windows1251Note(line: line)
        }
        var notes = [encodingNote, shape.separatorNote]
        notes.append(options.header ? LoadNote("header: line \(headerLine)")
                     : LoadNote("header: none (as requested); columns c1…c\(names.count)"))
        if reader.sawCRLF { notes.append(LoadNote("line endings: CRLF")) }
        notes += headerNotes.map(LoadNote.notable)
        notes += columns.map(\.note)
        if scan.records == 0 { notes.append(LoadNote("rows: none, only the header")) }
        let worst = columns.map(\.badValues).max() ?? 0
        if options.onError == .stop, let bad = columns.filter({ $0.firstBad != nil }).min(by: { firstLine($0) < firstLine($1) }),
           let sample = bad.firstBad {
            throw CSVLoadError.badValue(in: bad, sample: sample, path: reader.displayPath)
        }
        let plan = CSVPlan(columns: columns, notes: notes, records: scan.records + scan.ragged, knownBadRows: scan.ragged + worst,
                           encoding: encoding)
        if let limit = options.maxErrors, plan.knownBadRows > limit {
            throw CSVLoadError.tooManyBadRows(atLeast: plan.knownBadRows, limit: limit, path: reader.displayPath)
        }
        return plan
    }

    private static func firstLine(_ plan: ColumnPlan) -> Int { plan.firstBad?.line ?? Int.max }

    /// A header name with a NUL byte cannot name a column; such a file is usually UTF-16.
    private static func checkNames(_ header: CSVRecord, reader: CSVRecordReader) throws(Diagnostic) {
        for index in 0..<header.count where header.raw(index).contains(0) {
            throw Diagnostic("column \(index + 1)'s name holds a NUL byte (0x00)", location: reader.location(ofField: index),
                             hints: ["a file full of NUL bytes is usually UTF-16: with (encoding: \"utf-16le\")"])
        }
    }

    static func fieldCountError(_ reader: CSVRecordReader, expected: Int) -> Diagnostic {
        let found = reader.fieldCount
        // Point at the first extra field, or where the missing one would start.
        let location = found > expected
            ? reader.location(ofField: expected)
            : reader.location(ofRecordOffset: reader.endOfRecordOffset)
        return CSVLoadError.fieldCount(found, expected: expected, at: location)
    }
}
