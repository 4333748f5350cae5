/// Finds where a flattened column's value sits inside one record, for a message about it. Runs
/// only when a value is refused, so the record is read again rather than every position kept.
enum JSONFieldLocator {
    /// `path:line:column` of the value of `column` (`contact.name`) in the record at `offset`;
    /// the record's own start when the key is not there.
    static func location(of column: String, inRecordAt offset: Int, bytes: UnsafeBufferPointer<UInt8>,
                         path: String) -> String {
        let scanner = JSONScanner(bytes, path: path, start: offset)
        let found = (try? find(column, prefix: "", scanner: scanner)) ?? nil
        return RowTableText.location(path, of: found ?? offset, in: bytes)
    }

    private static func find(_ column: String, prefix: String, scanner: JSONScanner) throws -> Int? {
        guard scanner.peek() == UInt8(ascii: "{"), try scanner.openObject() else { return nil }
        var found: Int?
        repeat {
            let name = prefix.isEmpty ? try scanner.key() : prefix + "." + (try scanner.key())
            scanner.skipWhitespace()
            // The last occurrence wins, as it does when the record is flattened.
            if name == column {
                found = scanner.index
                try scanner.skipValue()
            } else if column.hasPrefix(name + "."), scanner.peek() == UInt8(ascii: "{") {
                found = try find(column, prefix: name, scanner: scanner) ?? found
            } else {
                try scanner.skipValue()
            }
        } while try scanner.nextMember()
        return found
    }
}
