import CSQLite

/// SQLite's built-in `upper` and `lower` fold ASCII only: `lower("МОСКВА")` stays "МОСКВА".
/// Company names, regions and managers are Cyrillic, so sverka replaces both on every
/// connection with Unicode case mapping.
enum UnicodeCaseFunctions {
    static func register(on connection: OpaquePointer) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        sqlite3_create_function_v2(connection, "upper", 1, flags, nil, { context, _, arguments in
            UnicodeCaseFunctions.map(context, arguments) { $0.uppercased() }
        }, nil, nil, nil)
        sqlite3_create_function_v2(connection, "lower", 1, flags, nil, { context, _, arguments in
            UnicodeCaseFunctions.map(context, arguments) { $0.lowercased() }
        }, nil, nil, nil)
    }

    private static func map(_ context: OpaquePointer?, _ arguments: UnsafeMutablePointer<OpaquePointer?>?,
                            _ transform: (String) -> String) {
        guard let argument = arguments?[0], sqlite3_value_type(argument) != SQLITE_NULL,
              let bytes = sqlite3_value_text(argument) else {
            sqlite3_result_null(context)
            return
        }
        let length = Int(sqlite3_value_bytes(argument))
        let text = String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        var mapped = transform(text)
        mapped.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                sverka_result_text_transient(context, chars.baseAddress, Int32(chars.count))
            }
        }
    }
}
