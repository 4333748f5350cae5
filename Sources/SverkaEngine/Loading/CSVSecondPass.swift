import SverkaSyntax

/// The second pass: every field converted to its column's stored form and bound straight from
/// the read buffer into one prepared INSERT.
enum CSVSecondPass {
    /// Inserts every data row; returns how many.
    static func run(_ reader: CSVRecordReader, columns: [ResultColumn], insert: PreparedStatement,
                    database: SQLiteDatabase) throws(Diagnostic) -> Int {
        let path = reader.displayPath
        let width = columns.count
        let types = columns.map(\.type)
        // Normalized datetimes (`yyyy-MM-dd HH:mm:ss`) need bytes of their own, one slot per column.
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, width * 19))
        defer { scratch.deallocate() }
        guard try reader.nextRecord() != nil else { throw CSVLoadError.changedDuringLoad(path) }  // the header
        var rows = 0
        while let record = try reader.nextRecord() {
            guard record.count == width else { throw CSVLoadError.changedDuringLoad(path, at: reader.location(ofField: 0)) }
            for index in 0..<width {
                let field = record.field(index)
                let parameter = Int32(index + 1)
                switch FieldConverter.convert(field, to: types[index]) {
                case .null:
                    try insert.bindNull(at: parameter)
                case .integer(let value):
                    try insert.bindInt64(value, at: parameter)
                case .real(let value):
                    try insert.bindDouble(value, at: parameter)
                case .fieldText:
                    try insert.bindText(noCopy: field, at: parameter)
                case .dateTime(let hour, let minute, let second):
                    let slot = scratch + index * 19
                    write(date: field, hour: hour, minute: minute, second: second, into: slot)
                    try insert.bindText(noCopy: UnsafeBufferPointer(start: slot, count: 19), at: parameter)
                case .failure:
                    // The first pass accepted this value, so the file is not what it was.
                    throw CSVLoadError.changedDuringLoad(path, at: reader.location(ofField: index))
                }
            }
            _ = try insert.step()
            insert.reset()
            rows += 1
            // SQLite forgets an interrupt that arrives between steps, which is most of the time here.
            if rows & 0xFFFF == 0, database.isInterruptRequested { throw CSVLoadError.interrupted() }
        }
        return rows
    }

    /// `yyyy-MM-dd HH:mm:ss` from the field's date and the parsed time.
    @inline(__always)
    private static func write(date field: UnsafeBufferPointer<UInt8>, hour: Int, minute: Int, second: Int,
                              into slot: UnsafeMutablePointer<UInt8>) {
        for offset in 0..<10 { slot[offset] = field[offset] }
        slot[10] = UInt8(ascii: " ")
        slot[11] = UInt8(48 + hour / 10); slot[12] = UInt8(48 + hour % 10)
        slot[13] = UInt8(ascii: ":")
        slot[14] = UInt8(48 + minute / 10); slot[15] = UInt8(48 + minute % 10)
        slot[16] = UInt8(ascii: ":")
        slot[17] = UInt8(48 + second / 10); slot[18] = UInt8(48 + second % 10)
    }
}
