/// Keeps a spreadsheet from running text as a formula: text that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'`.
///
/// Text that already starts with apostrophes is judged by the first character after them, and
/// gets one more: so the loader's rule — drop one `'` when the text is apostrophes followed by
/// one of those characters — gives back exactly what was exported.
public enum FormulaInjectionGuard {
    /// The characters a spreadsheet reads as the start of a formula (or of a field it trims).
    public static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "=", "+", "-", "@", "\t", "\r": return true
        default: return false
        }
    }

    /// Whether the text needs the leading `'`.
    public static func needsGuard(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar != "'" {
            return isTrigger(scalar)
        }
        return false
    }

    /// The text as a CSV, TSV or xlsx export writes it.
    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// The inverse, for loaders: drops the one `'` that `guarded` added. Text that `guarded`
    /// would not have produced (no `'`, or no trigger after the apostrophes) is left alone.
    public static func unguarded(_ text: String) -> String {
        guard text.hasPrefix("'"), needsGuard(text) else { return text }
        return String(text.dropFirst())
    }
}
