import CSQLite

/// SQLite's built-in `upper` and `lower` fold ASCII only: `lower("МОСКВА")` stays "МОСКВА".
/// Company names, regions and managers are Cyrillic, so sverka replaces both on every
/// connection with Unicode case mapping.
enum UnicodeCaseFunctions {
    static func register(on connection: OpaquePointer) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        sqlite3_create_function_v2(connection, "upper", 1, flags, nil, { context, _, arguments in
            UnicodeCaseFunctions.map(context, arguments, ascii: 97...122, fold: { $0 & 0xDF }) { $0.uppercased() }
        }, nil, nil, nil)
        sqlite3_create_function_v2(connection, "lower", 1, flags, nil, { context, _, arguments in
            UnicodeCaseFunctions.map(context, arguments, ascii: 65...90, fold: { $0 | 0x20 }) { $0.lowercased() }
        }, nil, nil, nil)
    }

    /// `ascii` is the range of ASCII letters the mapping changes and `fold` how it changes one.
    /// A role's stage test runs `lower` on every deal, so ASCII text — most of it, and mostly
    /// already in the wanted case — skips Swift's Unicode strings: returned as it came when
    /// nothing changes, folded byte by byte otherwise.
    private static func map(_ context: OpaquePointer?, _ arguments: UnsafeMutablePointer<OpaquePointer?>?,
                            ascii letters: ClosedRange<UInt8>, fold: (UInt8) -> UInt8,
                            _ transform: (String) -> String) {
        guard let argument = arguments?[0], sqlite3_value_type(argument) != SQLITE_NULL,
              let bytes = sqlite3_value_text(argument) else {
            sqlite3_result_null(context)
            return
        }
        let length = Int(sqlite3_value_bytes(argument))
        let text = UnsafeBufferPointer(start: bytes, count: length)
        if text.allSatisfy({ $0 < 0x80 }) {
            // A number read as text must still come back as text, as the built-ins return it.
            if sqlite3_value_type(argument) == SQLITE_TEXT, !text.contains(where: letters.contains) {
                sqlite3_result_value(context, argument)
                return
            }
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: max(length, 1)) { folded in
                for (index, byte) in text.enumerated() {
                    folded[index] = CChar(bitPattern: letters.contains(byte) ? fold(byte) : byte)
                }
                sverka_result_text_transient(context, folded.baseAddress, Int32(length))
            }
            return
        }
        var mapped = transform(String(decoding: text, as: UTF8.self))
        mapped.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                sverka_result_text_transient(context, chars.baseAddress, Int32(chars.count))
            }
        }
    }
}
