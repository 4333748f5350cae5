import CSQLite

/// `sverka_decimal(text, scale)`, `sverka_date(text)` and `sverka_number(text)`: the SQLite side of `decimal(x)` and
/// `date(x)` on text. SQLite's casts read `'1 234,50'` as 1 and `'2026-02-30'` as March 2nd;
/// these use `TextConversion`, so a value is either read exactly or null.
enum ConversionFunctions {
    static func register(on connection: OpaquePointer) {
        registerNumber(on: connection)
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        sqlite3_create_function_v2(connection, "sverka_decimal", 2, flags, nil, { context, _, arguments in
            guard let text = ConversionFunctions.text(arguments, 0), let scaleArgument = arguments?[1] else {
                return sqlite3_result_null(context)
            }
            let scale = Int(sqlite3_value_int64(scaleArgument))
            guard let value = TextConversion.decimal(Substring(text), scale: scale) else {
                return sqlite3_result_null(context)
            }
            sqlite3_result_int64(context, value.units)
        }, nil, nil, nil)
        sqlite3_create_function_v2(connection, "sverka_date", 1, flags, nil, { context, _, arguments in
            guard let text = ConversionFunctions.text(arguments, 0),
                  let date = TextConversion.date(Substring(text)) else {
                return sqlite3_result_null(context)
            }
            var iso = date.iso
            iso.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { chars in
                    sverka_result_text_transient(context, chars.baseAddress, Int32(chars.count))
                }
            }
        }, nil, nil, nil)
    }

    /// `sverka_number(text)`: the SQLite side of `number(x)` and `int(x)` on text, null unless the
    /// text is a plain number (`12`, `-1.5`, `.5`, `2e3`): SQLite's cast reads `'abc'` as 0 and
    /// `'12abc'` as 12, inventing a figure; PostgresDialect gives null for the same texts.
    static func registerNumber(on connection: OpaquePointer) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        sqlite3_create_function_v2(connection, "sverka_number", 1, flags, nil, { context, _, arguments in
            guard let text = ConversionFunctions.text(arguments, 0), let number = TextConversion.number(Substring(text)) else {
                return sqlite3_result_null(context)
            }
            sqlite3_result_double(context, number)
        }, nil, nil, nil)
    }

    /// Argument `index` as text; nil when it is null. Numbers arrive as their text (`12.5`).
    private static func text(_ arguments: UnsafeMutablePointer<OpaquePointer?>?, _ index: Int) -> String? {
        guard let argument = arguments?[index], sqlite3_value_type(argument) != SQLITE_NULL,
              let bytes = sqlite3_value_text(argument) else { return nil }
        let length = Int(sqlite3_value_bytes(argument))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}
