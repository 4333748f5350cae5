import SverkaSyntax

/// The first pass's running state: one inference per column, the first value of each kind (for
/// notes and messages), and for columns with a given type, which values convert.
struct CSVColumnScan {
    let width: Int
    let names: [String]
    let overrides: [LogicalType?]
    let readings: NumberReadings
    let skipsBadRows: Bool
    /// In-place state per column: the hot loop mutates it without copying.
    let states: UnsafeMutablePointer<CSVColumnInference>
    var samples: [[ValueKind: ValueSample]]
    var tallies: [OverrideTally]
    var records = 0
    var ragged = 0
    private let hasOverrides: Bool
    private let pointFormats: [FieldFormat]
    private let commaFormats: [FieldFormat]

    init(width: Int, names: [String], overrides: [LogicalType?], options: LoadOptions) {
        self.width = width
        self.names = names
        self.overrides = overrides
        readings = NumberReadings(options: options)
        skipsBadRows = options.onError == .skip
        states = .allocate(capacity: width)
        states.initialize(repeating: CSVColumnInference(), count: width)
        samples = Array(repeating: [:], count: width)
        tallies = Array(repeating: OverrideTally(), count: width)
        hasOverrides = overrides.contains { $0 != nil }
        let readings = self.readings
        pointFormats = overrides.map { type in
            var format = FieldFormat(type: type ?? .text)
            format.thousands = readings.pointThousands
            return format
        }
        commaFormats = overrides.map { type in
            var format = FieldFormat(type: type ?? .text)
            format.decimal = UInt8(ascii: ",")
            format.thousands = readings.commaThousands
            return format
        }
    }

    func release() {
        states.deinitialize(count: width)
        states.deallocate()
    }

    /// Folds one record of the right width in.
    @inline(__always)
    mutating func observe(_ record: CSVRecord, reader: CSVRecordReader) throws(Diagnostic) {
        for index in 0..<width {
            let field = record.raw(index)
            if hasOverrides, let type = overrides[index] {
                try check(field, index: index, as: type, record: record, reader: reader)
                continue
            }
            let kind = states[index].observe(field, line: record.line, readings: readings)
            if kind != .empty, states[index].firstOf(kind) { keepSample(kind, index: index, record: record, reader: reader) }
        }
        records += 1
    }

    private mutating func keepSample(_ kind: ValueKind, index: Int, record: CSVRecord, reader: CSVRecordReader) {
        samples[index][kind] = sample(index, record: record, reader: reader)
    }

    private func sample(_ index: Int, record: CSVRecord, reader: CSVRecordReader,
                        failure: FieldConverter.Failure = .invalid) -> ValueSample {
        ValueSample(line: record.line, location: reader.location(ofField: index), text: record.text(index), failure: failure)
    }

    /// A column with a given type: its value must convert under some reading; which readings
    /// it converts under is counted, since the reading is chosen only at the end.
    private mutating func check(_ field: UnsafeBufferPointer<UInt8>, index: Int, as type: LogicalType, record: CSVRecord,
                                reader: CSVRecordReader) throws(Diagnostic) {
        if type == .text {
            // Nothing to check, but its nulls are counted for the note (`""` is empty text, not null).
            if field.isEmpty, !record.isQuoted(index) { states[index].counts[.empty] += 1 }
            return
        }
        let kind = states[index].observe(field, line: record.line, readings: readings)
        if kind == .empty { return }
        if states[index].firstOf(kind) { keepSample(kind, index: index, record: record, reader: reader) }
        switch type {
        case .integer, .decimal, .number:
            var converted = false
            var failure = FieldConverter.Failure.invalid
            if readings.pointAllowed {
                if case .failure(let why) = LocaleFieldConverter.number(field, pointFormats[index]) {
                    failure = why
                    if tallies[index].firstFailureWithPoint == nil {
                        tallies[index].firstFailureWithPoint = sample(index, record: record, reader: reader, failure: why)
                    }
                } else {
                    tallies[index].convertibleWithPoint += 1
                    converted = true
                }
            }
            if readings.commaAllowed {
                if case .failure(let why) = LocaleFieldConverter.number(field, commaFormats[index]) {
                    if !readings.pointAllowed { failure = why }
                    if tallies[index].firstFailureWithComma == nil {
                        tallies[index].firstFailureWithComma = sample(index, record: record, reader: reader, failure: why)
                    }
                } else {
                    tallies[index].convertibleWithComma += 1
                    converted = true
                }
            }
            if !converted { try hopeless(index, as: type, failure: failure, record: record, reader: reader) }
        case .date, .datetime:
            if !ValueKind.dates.contains(kind) || type == .date && kind.hasTime {
                try hopeless(index, as: type, failure: .invalid, record: record, reader: reader)
            }
        case .bool:
            let zeroOrOne = field.count == 1 && (field[0] == UInt8(ascii: "0") || field[0] == UInt8(ascii: "1"))
            if BoolWords.value(field) == nil, !zeroOrOne {
                try hopeless(index, as: type, failure: .invalid, record: record, reader: reader)
            }
        case .text, .null:
            break
        }
    }

    /// A value no reading can convert: the load stops here, unless bad rows are skipped.
    private mutating func hopeless(_ index: Int, as type: LogicalType, failure: FieldConverter.Failure, record: CSVRecord,
                                   reader: CSVRecordReader) throws(Diagnostic) {
        guard skipsBadRows else {
            throw CSVLoadError.cannotHoldInCSV(column: names[index], type: type, value: record.text(index), failure: failure,
                                               at: reader.location(ofField: index))
        }
        tallies[index].hopeless += 1
        if tallies[index].firstHopeless == nil {
            tallies[index].firstHopeless = sample(index, record: record, reader: reader, failure: failure)
        }
    }
}
