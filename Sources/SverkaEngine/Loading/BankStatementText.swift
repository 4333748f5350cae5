import SverkaSyntax

/// The text of a 1C bank statement file: recognised by its first line, decoded from UTF-8,
/// Windows-1251 (what 1C writes for `Кодировка=Windows`) or CP866 (`Кодировка=DOS`).
enum BankStatementText {
    static let marker = "1CClientBankExchange"

    /// True when the first line (after a UTF-8 byte order mark) is `1CClientBankExchange`.
    static func startsWithMarker(_ bytes: [UInt8]) -> Bool {
        var line = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let end = line.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) { line = line[..<end] }
        let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
        return Array(trimmed) == Array(marker.utf8)
    }

    /// The decoded text and a note on how it was decoded.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(Diagnostic) -> (text: String, note: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), RowTableText.firstInvalidUTF8(bytes, from: 3) == nil {
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[3...]), as: UTF8.self),
                    "encoding: UTF-8 (byte order mark skipped)")
        }
        if RowTableText.firstInvalidUTF8(bytes) == nil {
            return (String(decoding: bytes, as: UTF8.self), "encoding: UTF-8")
        }
        // Not UTF-8: a single-byte Cyrillic code page. The header says which, in that code page.
        let head = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, 4096)])
        let dos = (try? decode(head, table: cp866, path: path))?.contains("Кодировка=DOS") ?? false
        let text = try decode(bytes, table: dos ? cp866 : windows1251, path: path)
        let declared = text.contains("Кодировка=Windows") ? " (as the file says, Кодировка=Windows)"
            : dos ? " (as the file says, Кодировка=DOS)" : " (the bytes are not UTF-8)"
        return (text, "encoding: \(dos ? "CP866" : "Windows-1251")\(declared)")
    }

    /// Decodes a single-byte code page through its table for bytes 0x80…0xFF (0 marks an unused byte).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, table: [UInt16], path: String) throws(Diagnostic) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            let code = byte < 0x80 ? UInt16(byte) : table[Int(byte) - 0x80]
            guard code != 0 || byte == 0, let scalar = Unicode.Scalar(code) else {
                throw unusedByte(byte, at: offset, in: bytes, path: path)
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func unusedByte(_ byte: UInt8, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                   path: String) -> Diagnostic {
        // One byte is one character here, so the column is the distance from the line's start.
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return Diagnostic("the file is neither UTF-8 nor Windows-1251: byte 0x\(hex) here", location: "\(path):\(line):\(offset - lineStart + 1)",
                          hints: ["1C writes bank statements in Windows-1251 (Кодировка=Windows) or UTF-8"])
    }

    /// Windows-1251, bytes 0x80…0xFF.
    static let windows1251 = CyrillicCodePages.windows1251UpperHalf

    /// CP866 (DOS Cyrillic), bytes 0x80…0xFF.
    static let cp866: [UInt16] = [
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
        0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
        0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
        0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
        0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B,
        0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
        0x0401, 0x0451, 0x0404, 0x0454, 0x0407, 0x0457, 0x040E, 0x045E,
        0x00B0, 0x2219, 0x00B7, 0x221A, 0x2116, 0x00A4, 0x25A0, 0x00A0,
    ]
}
