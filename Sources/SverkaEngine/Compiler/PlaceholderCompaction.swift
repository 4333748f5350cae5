/// Renumbers the placeholders a SQL text really uses, in order of appearance, and keeps only
/// their values. Compile-time rescaling (`amount > 1000` binds 100000 in place of 1000) and
/// inlined limits leave parameters no placeholder refers to; `explain` should not show them,
/// and PostgreSQL rejects a parameter it cannot type.
enum PlaceholderCompaction {
    static func compact(_ sql: String, _ parameters: [StoredValue], marker: UInt8) -> (String, [StoredValue]) {
        let bytes = Array(sql.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var renumbered: [Int: Int] = [:]
        var kept: [StoredValue] = []
        var quote: UInt8?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                output.append(byte)
                if byte == open { quote = nil }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
                output.append(byte)
                index += 1
                continue
            }
            guard byte == marker else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1, number = 0
            while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 {
                number = number * 10 + Int(bytes[end] - 48)
                end += 1
            }
            guard end > index + 1, number >= 1, number <= parameters.count else {
                output.append(byte)
                index += 1
                continue
            }
            let newNumber: Int
            if let existing = renumbered[number] {
                newNumber = existing
            } else {
                kept.append(parameters[number - 1])
                newNumber = kept.count
                renumbered[number] = newNumber
            }
            output.append(marker)
            output.append(contentsOf: String(newNumber).utf8)
            index = end
        }
        return (String(decoding: output, as: UTF8.self), kept)
    }
}
