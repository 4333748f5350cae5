import SverkaSyntax

/// The reading half of the second pass: records parsed, converted to their columns' stored
/// form and copied into batches; bad rows set aside or turned into the error that stops the load.
final class CSVBatchFiller {
    let reader: CSVRecordReader
    private let names: [String]
    private let formats: [FieldFormat]
    private let isText: [Bool]
    private let width: Int
    private let skipsBadRows: Bool
    private var headerPending: Bool
    /// A date normalized to ISO is written here, then copied into the batch.
    private let scratch: UnsafeMutablePointer<UInt8>

    init(reader: CSVRecordReader, plan: CSVPlan, header: Bool, skipsBadRows: Bool) {
        self.reader = reader
        names = plan.columns.map(\.column.name)
        formats = plan.formats
        isText = formats.map { $0.type == .text || $0.type == .null || $0.verbatim }
        width = formats.count
        self.skipsBadRows = skipsBadRows
        headerPending = header
        scratch = .allocate(capacity: LocaleFieldConverter.scratchSize)
    }

    deinit {
        scratch.deallocate()
    }

    /// Refills the batch until it is full or the file ends; an error ends it and is kept in it.
    func fill(_ batch: CSVRowBatch) {
        batch.reset()
        do throws(Diagnostic) {
            try fillRows(batch)
        } catch {
            batch.error = error
            batch.isLast = true
        }
        batch.bytesRead = reader.bytesRead
    }

    private func fillRows(_ batch: CSVRowBatch) throws(Diagnostic) {
        let path = reader.displayPath
        if headerPending {
            guard try reader.nextRecord() != nil else { throw CSVLoadError.changedDuringLoad(path) }
            headerPending = false
        }
        while !batch.isFull {
            guard let record = try reader.nextRecord() else {
                batch.isLast = true
                return
            }
            batch.records += 1
            guard record.count == width else {
                guard skipsBadRows else { throw CSVLoadError.changedDuringLoad(path, at: reader.location(ofField: 0)) }
                let reason = CSVFirstPass.fieldCountError(reader, expected: width).message
                batch.rejects.append(CSVRowBatch.Reject(line: record.line, raw: Array(reader.rawRecord), reason: reason))
                continue
            }
            // Typed columns first, from the raw bytes: a rejected row keeps its text as written.
            if let (index, failure) = convertTyped(record, into: batch) {
                let error = CSVLoadError.cannotHold(column: names[index], type: formats[index].type, value: record.text(index),
                                                    failure: failure, at: reader.location(ofField: index))
                guard skipsBadRows else { throw error }
                batch.rejects.append(CSVRowBatch.Reject(line: record.line, raw: Array(reader.rawRecord), reason: error.message))
                continue
            }
            for index in 0..<width where isText[index] {
                let field = record.field(index)
                if field.isEmpty {
                    // `""` is empty text, as an export writes it; nothing at all is null.
                    if record.isQuoted(index) { batch.set(index, text: field) } else { batch.setNull(index) }
                } else {
                    let offset = !formats[index].verbatim && FormulaGuardText.isGuarded(field) ? 1 : 0
                    batch.set(index, text: UnsafeBufferPointer(rebasing: field[offset...]))
                }
            }
            batch.commitRow()
        }
    }

    /// Converts the typed fields into the batch's current row; the first that fails, if any.
    @inline(__always)
    private func convertTyped(_ record: CSVRecord, into batch: CSVRowBatch) -> (Int, FieldConverter.Failure)? {
        for index in 0..<width where !isText[index] {
            let field = record.raw(index)
            switch LocaleFieldConverter.convert(field, formats[index], scratch: scratch) {
            case .null:
                batch.setNull(index)
            case .integer(let value):
                batch.set(index, integer: value)
            case .real(let value):
                batch.set(index, real: value)
            case .text(let offset):
                batch.set(index, text: UnsafeBufferPointer(rebasing: field[offset...]))
            case .scratch(let count):
                batch.set(index, text: UnsafeBufferPointer(start: scratch, count: count))
            case .failure(let failure):
                return (index, failure)
            }
        }
        return nil
    }
}
