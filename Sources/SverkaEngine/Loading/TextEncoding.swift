/// The text encodings a CSV load reads. Everything is transcoded to UTF-8 before parsing, so the
/// record reader and the converters only ever see UTF-8.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case utf8 = "utf-8"
    /// UTF-16 with the byte order taken from its byte order mark (little-endian without one).
    case utf16 = "utf-16"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1251 = "windows-1251"
    case koi8r = "koi8-r"

    public var description: String { rawValue }

    /// The name used in notes: `UTF-8`, `Windows-1251`, `KOI8-R`.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .windows1251: return "Windows-1251"
        case .koi8r: return "KOI8-R"
        }
    }

    /// The names users write (`"UTF8"`, `"cp1251"`, `"win-1251"`, `"koi8r"`), any case.
    public init?(name: String) {
        let plain = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch plain {
        case "utf8": self = .utf8
        case "utf16", "ucs2": self = .utf16
        case "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1251", "cp1251", "win1251", "1251": self = .windows1251
        case "koi8r", "koi8": self = .koi8r
        default: return nil
        }
    }

    /// How users may spell the encodings, for hints.
    public static let namesText = "\"utf-8\", \"utf-16\" (\"utf-16le\", \"utf-16be\"), \"windows-1251\" (\"cp1251\") or \"koi8-r\""

    var isUTF16: Bool { self == .utf16 || self == .utf16LE || self == .utf16BE }
}
