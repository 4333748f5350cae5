import SverkaSyntax

/// The second pass over a row table: every field converted to its column's stored form and
/// bound into one prepared INSERT.
enum RowTableSecondPass {
    /// Inserts every row; returns how many.
    static func run(_ source: some RowTableSource, columns: [ResultColumn], insert: PreparedStatement,
                    database: SQLiteDatabase) throws(Diagnostic) -> Int {
        let types = columns.map(\.type)
        for rowIndex in 0..<source.rowCount {
            let row = source.row(rowIndex)
            for index in 0..<types.count {
                let parameter = Int32(index + 1)
                guard var text = row.field(index) else {
                    try insert.bindNull(at: parameter)
                    continue
                }
                let converted = text.withUTF8 { FieldConverter.convert($0, to: types[index]) }
                if case .failure(let failure) = converted {
                    // The first pass accepted every value; reaching here is a bug, still reported plainly.
                    throw CSVLoadError.cannotHold(column: columns[index].name, type: types[index], value: text,
                                                  failure: failure, at: source.location(row: rowIndex, column: index))
                }
                try bind(converted, text: text, to: insert, at: parameter)
            }
            _ = try insert.step()
            insert.reset()
            if rowIndex & 0xFFFF == 0xFFFF, database.isInterruptRequested { throw CSVLoadError.interrupted() }
        }
        return source.rowCount
    }

    /// Binds one converted non-null field.
    private static func bind(_ converted: FieldConverter.Converted, text: String, to insert: PreparedStatement,
                             at parameter: Int32) throws(Diagnostic) {
        switch converted {
        case .null, .failure:
            try insert.bindNull(at: parameter)
        case .integer(let value):
            try insert.bindInt64(value, at: parameter)
        case .real(let value):
            try insert.bindDouble(value, at: parameter)
        case .fieldText:
            try insert.bindText(text, at: parameter)
        case .dateTime(let hour, let minute, let second):
            // The converter checked that the field starts with a `yyyy-MM-dd` date.
            let date = text.utf8.prefix(10)
            let time = "\(twoDigits(hour)):\(twoDigits(minute)):\(twoDigits(second))"
            try insert.bindText("\(String(decoding: date, as: UTF8.self)) \(time)", at: parameter)
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
