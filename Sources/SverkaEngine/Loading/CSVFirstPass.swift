import SverkaSyntax

/// What the first pass decided: the columns with their types, and why.
struct LoadPlan {
    var columns: [ResultColumn]
    var notes: [String]
    var rows: Int
}

/// The first pass over the file: header, row shape, UTF-8, and the type of every column
/// judged on all of its values. Nothing is written.
enum CSVFirstPass {
    static let maximumColumns = 2000

    static func run(_ reader: CSVRecordReader, options: LoadOptions, database: SQLiteDatabase) throws(Diagnostic) -> LoadPlan {
        let path = reader.displayPath
        guard let header = try reader.nextRecord() else { throw CSVLoadError.noHeader(path) }
        let headerLine = header.line
        let raw = (0..<header.count).map { header.text($0) }
        let (names, headerNotes) = HeaderNames.make(raw)
        let width = names.count
        guard width <= maximumColumns else { throw CSVLoadError.tooManyColumns(width, path: path) }
        let overrides = try resolve(options.columnTypes, names: names, path: path)

        let states = UnsafeMutablePointer<ColumnInference>.allocate(capacity: width)
        states.initialize(repeating: ColumnInference(), count: width)
        defer {
            states.deinitialize(count: width)
            states.deallocate()
        }
        var rows = 0
        while let record = try reader.nextRecord() {
            guard record.count == width else { throw fieldCountError(reader, expected: width) }
            for index in 0..<width {
                let field = record.raw(index)
                if let type = overrides[index] {
                    try check(field, of: index, as: type, name: names[index], reader: reader, state: &states[index])
                } else {
                    states[index].observe(field, line: record.line)
                }
            }
            rows += 1
            if rows & 0xFFFF == 0, database.isInterruptRequested { throw CSVLoadError.interrupted() }
        }

        var columns: [ResultColumn] = []
        var notes = ["encoding: UTF-8" + (reader.skippedBOM ? " (byte order mark skipped)" : ""),
                     "separator: ','",
                     "header: line \(headerLine)"]
        if reader.sawCRLF { notes.append("line endings: CRLF") }
        notes += headerNotes
        for (index, name) in names.enumerated() {
            let decision = ColumnDecision.decide(states[index], name: name, override: overrides[index])
            columns.append(ResultColumn(name: name, type: decision.type))
            notes.append(decision.note)
        }
        if rows == 0 { notes.append("rows: none, only the header") }
        return LoadPlan(columns: columns, notes: notes, rows: rows)
    }

    /// A typed column's value must convert; the first that does not stops the load.
    @inline(__always)
    private static func check(_ field: UnsafeBufferPointer<UInt8>, of index: Int, as type: LogicalType, name: String,
                              reader: CSVRecordReader, state: inout ColumnInference) throws(Diagnostic) {
        if field.isEmpty {
            state.nulls += 1
            return
        }
        state.values += 1
        if case .failure(let failure) = FieldConverter.convert(field, to: type) {
            throw CSVLoadError.cannotHold(column: name, type: type, value: reader.record.text(index), failure: failure,
                                          at: reader.location(ofField: index))
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

    /// Matches the requested column types to header names: exact first, then ignoring case.
    static func resolve(_ requested: [String: LogicalType], names: [String], path: String) throws(Diagnostic) -> [LogicalType?] {
        var types = [LogicalType?](repeating: nil, count: names.count)
        for (column, type) in requested.sorted(by: { $0.key < $1.key }) {
            let index = names.firstIndex(of: column) ?? names.firstIndex { $0.lowercased() == column.lowercased() }
            guard let index else {
                var error = Diagnostic("no column '\(column)' in '\(path)' to give the type \(type)", location: path)
                if let suggestion = Suggestion.closest(to: column, among: names) {
                    error = error.hint("did you mean '\(suggestion)'?")
                }
                throw error.hint("its columns: \(names.prefix(20).joined(separator: ", "))\(names.count > 20 ? ", …" : "")")
            }
            guard type != .null else {
                throw Diagnostic("'null' is not a column type", location: path,
                                 hints: ["use integer, decimal(N), money, number, text, date, datetime or bool"])
            }
            types[index] = type
        }
        return types
    }
}
