#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions between Swift strings and libedit's wide-character (`wchar_t`) text.
///
/// `wchar_t` holds one Unicode scalar on the platforms sverka builds for (Linux and macOS),
/// so libedit's wide buffers and cursors count scalars, never bytes.
enum WideText {
    /// `text` as a NUL-terminated wide string.
    static func encode(_ text: String) -> [wchar_t] {
        text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
    }

    /// The text of `count` wide characters starting at `start`.
    static func decode(_ start: UnsafePointer<wchar_t>, count: Int) -> String {
        var text = String.UnicodeScalarView()
        for index in 0..<max(0, count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: start[index])) { text.append(scalar) }
        }
        return String(text)
    }

    /// A NUL-terminated copy that stays valid until freed: libedit keeps the prompt's pointer.
    static func allocate(_ text: String) -> UnsafeMutablePointer<wchar_t> {
        let wide = encode(text)
        let pointer = UnsafeMutablePointer<wchar_t>.allocate(capacity: wide.count)
        pointer.initialize(from: wide, count: wide.count)
        return pointer
    }
}
