/// A password kept in memory that never shows: not in `print`, `dump`, nor a debugger's summary.
struct HiddenPassword: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let text: String

    var description: String { "••••••" }
    var debugDescription: String { "••••••" }
    var customMirror: Mirror { Mirror(self, children: []) }
}
