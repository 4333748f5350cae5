/// The leading `'` an export adds so that a spreadsheet does not run text as a formula
/// (`'=SUM(A1)`, `'-5 apples`, `'@user`). A load removes exactly that one `'` from text values,
/// so that an export read back gives the text it started from.
///
/// The rule mirrors the export's: text that is one or more apostrophes followed by `=`, `+`,
/// `-`, `@`, a tab or a carriage return loses its first apostrophe; any other text is kept as
/// written (`'quoted'`, `'123`, `rock 'n' roll`).
enum FormulaGuardText {
    /// True when the field is guarded text.
    @inline(__always)
    static func isGuarded(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard field.count >= 2, field[0] == UInt8(ascii: "'") else { return false }
        var index = 1
        while index < field.count, field[index] == UInt8(ascii: "'") { index += 1 }
        guard index < field.count else { return false }
        switch field[index] {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }
}
