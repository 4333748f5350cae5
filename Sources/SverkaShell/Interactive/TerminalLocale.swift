#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the C library decode typed bytes as UTF-8, which libedit needs for Cyrillic.
enum TerminalLocale {
    /// Sets LC_CTYPE from the environment, or to C.UTF-8 when that gives only ASCII. Swift never
    /// calls setlocale, and without it libedit silently drops non-ASCII input. Only LC_CTYPE is
    /// set, so number formatting in C calls stays unchanged.
    static func enableUTF8() {
        if let chosen = setlocale(LC_CTYPE, ""), !isASCIIOnly(String(cString: chosen)) { return }
        // C.UTF-8 exists on Linux, UTF-8 on macOS.
        for fallback in ["C.UTF-8", "UTF-8", "en_US.UTF-8"] where setlocale(LC_CTYPE, fallback) != nil {
            return
        }
    }

    private static func isASCIIOnly(_ locale: String) -> Bool {
        locale == "C" || locale == "POSIX"
    }
}
