/// The bytes that structure a delimited file: the separator (`,` `;` tab `|`, detected or
/// given) and the quote.
struct CSVDialect: Sendable {
    var separator: UInt8 = UInt8(ascii: ",")
    var quote: UInt8 = UInt8(ascii: "\"")

    init(separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
    }

    static let comma = CSVDialect()

    /// Per-byte classes for the scanner's inner loop: one table lookup decides whether a byte is plain.
    func byteClasses() -> [UInt8] {
        var table = [UInt8](repeating: ByteClass.plain, count: 256)
        for byte in 0x80...0xFF { table[byte] = ByteClass.nonASCII }
        table[Int(UInt8(ascii: "\n"))] = ByteClass.lineFeed
        table[Int(UInt8(ascii: "\r"))] = ByteClass.carriageReturn
        table[Int(separator)] = ByteClass.separator
        table[Int(quote)] = ByteClass.quote
        return table
    }
}

/// The classes in `CSVDialect.byteClasses()`.
enum ByteClass {
    static let plain: UInt8 = 0
    static let separator: UInt8 = 1
    static let quote: UInt8 = 2
    static let lineFeed: UInt8 = 3
    static let carriageReturn: UInt8 = 4
    static let nonASCII: UInt8 = 5
}
