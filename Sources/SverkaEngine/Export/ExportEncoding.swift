/// The text encodings an export writes. Windows-1251 is what 1C and older Excel expect in Russia.
public enum ExportEncoding: String, Sendable, CustomStringConvertible {
    case utf8 = "utf-8"
    case windows1251 = "windows-1251"

    public var description: String { rawValue }

    /// The names users write (`"UTF8"`, `"cp1251"`, `"win-1251"`), any case.
    public init?(name: String) {
        let plain = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch plain {
        case "utf8": self = .utf8
        case "windows1251", "cp1251", "win1251": self = .windows1251
        default: return nil
        }
    }

    /// Appends the text's bytes; returns the first character this encoding has no byte for
    /// (nothing is appended then), else nil.
    func append(_ text: String, to bytes: inout [UInt8]) -> Unicode.Scalar? {
        switch self {
        case .utf8:
            bytes.append(contentsOf: text.utf8)
            return nil
        case .windows1251:
            // Pure ASCII (most fields) is the same bytes in both encodings.
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                bytes.append(contentsOf: text.utf8)
                return nil
            }
            let start = bytes.count
            for scalar in text.unicodeScalars {
                guard let byte = Windows1251Encoder.byte(for: scalar) else {
                    bytes.removeSubrange(start...)
                    return scalar
                }
                bytes.append(byte)
            }
            return nil
        }
    }
}
