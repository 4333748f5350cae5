import SverkaSyntax

/// The second pass: every field converted to its column's stored form and bound straight from
/// the read buffer into one prepared INSERT; bad rows stop the load or go to the rejects.
enum CSVSecondPass {
    struct Outcome {
        var rows = 0
        var rejected = 0
    }

    static func run(_ reader: CSVRecordReader, plan: CSVPlan, header: Bool, insert: PreparedStatement, rejects: CSVRejects?,
                    database: SQLiteDatabase, progress: LoadProgressTicker) throws(Diagnostic) -> Outcome {
        let path = reader.displayPath
        let formats = plan.formats
        let width = formats.count
        let isText = formats.map { $0.type == .text || $0.type == .null || $0.verbatim }
        // Dates normalized to ISO need bytes of their own, one slot per column.
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, width * LocaleFieldConverter.scratchSize))
        defer { scratch.deallocate() }
        var converted = [LocaleFieldConverter.Stored](repeating: .null, count: width)
        if header {
            guard try reader.nextRecord() != nil else { throw CSVLoadError.changedDuringLoad(path) }
        }
        var outcome = Outcome()
        var records = 0
        while let record = try reader.nextRecord() {
            records += 1
            if records & 0xFFFF == 0 {
                // SQLite forgets an interrupt that arrives between steps, which is most of the time here.
                if database.isInterruptRequested { throw CSVLoadError.interrupted() }
                progress.report(pass: 2, rows: records, bytes: reader.bytesRead)
            }
            guard record.count == width else {
                guard let rejects else { throw CSVLoadError.changedDuringLoad(path, at: reader.location(ofField: 0)) }
                try rejects.add(line: record.line, raw: reader.rawRecord,
                                reason: CSVFirstPass.fieldCountError(reader, expected: width).message)
                continue
            }
            // Convert before binding, on the raw bytes: a rejected row keeps its text as written.
            var bad: (Int, FieldConverter.Failure)?
            for index in 0..<width where !isText[index] {
                let result = LocaleFieldConverter.convert(record.raw(index), formats[index],
                                                          scratch: scratch + index * LocaleFieldConverter.scratchSize)
                if case .failure(let failure) = result {
                    bad = (index, failure)
                    break
                }
                converted[index] = result
            }
            if let (index, failure) = bad {
                let error = CSVLoadError.cannotHold(column: plan.columns[index].column.name, type: formats[index].type,
                                                    value: record.text(index), failure: failure,
                                                    at: reader.location(ofField: index))
                guard let rejects else { throw error }
                try rejects.add(line: record.line, raw: reader.rawRecord, reason: error.message)
                continue
            }
            for index in 0..<width {
                let parameter = Int32(index + 1)
                if isText[index] {
                    let field = record.field(index)
                    if field.isEmpty {
                        try insert.bindNull(at: parameter)
                    } else {
                        let offset = !formats[index].verbatim && FormulaGuardText.isGuarded(field) ? 1 : 0
                        try insert.bindText(noCopy: UnsafeBufferPointer(rebasing: field[offset...]), at: parameter)
                    }
                    continue
                }
                switch converted[index] {
                case .null, .failure:
                    try insert.bindNull(at: parameter)
                case .integer(let value):
                    try insert.bindInt64(value, at: parameter)
                case .real(let value):
                    try insert.bindDouble(value, at: parameter)
                case .text(let offset):
                    let field = record.raw(index)
                    try insert.bindText(noCopy: UnsafeBufferPointer(rebasing: field[offset...]), at: parameter)
                case .scratch(let count):
                    let slot = scratch + index * LocaleFieldConverter.scratchSize
                    try insert.bindText(noCopy: UnsafeBufferPointer(start: slot, count: count), at: parameter)
                }
            }
            _ = try insert.step()
            insert.reset()
            outcome.rows += 1
        }
        outcome.rejected = rejects?.count ?? 0
        guard records == plan.records else { throw CSVLoadError.changedDuringLoad(path) }
        return outcome
    }
}
