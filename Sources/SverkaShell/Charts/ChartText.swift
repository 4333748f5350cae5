import SverkaEngine
import SverkaSyntax

/// How charts print labels and values, and fit text into columns by display width (Cyrillic
/// takes one column per letter, CJK two).
enum ChartText {
    /// A key as a label: nulls as `∅`, money with separators, one line.
    static func label(_ key: Value) -> String {
        CellText.singleLine(CellText.display(key, nullText: "∅"))
    }

    /// A value as printed beside its bar: money exact with separators, other numbers to two
    /// places at most (a chart is read, not computed with).
    static func value(_ value: Value) -> String {
        switch value {
        case .number(let number): return Value.format((number * 100).rounded() / 100)
        default: return CellText.display(value, nullText: "∅")
        }
    }

    /// The value as a chart scales it; nil for nulls and non-numbers.
    static func magnitude(_ value: Value) -> Double? {
        switch value {
        case .integer(let integer): return Double(integer)
        case .decimal(let decimal): return decimal.doubleValue
        case .number(let number): return number.isFinite ? number : nil
        default: return nil
        }
    }

    /// Text cut to `width` display columns (ending in `…` when cut) and padded to exactly that.
    static func fitted(_ text: String, width: Int) -> String {
        let cut = CellText.truncated(text, toWidth: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }

    /// Text right-aligned in `width` display columns (never cut: values must show whole).
    static func rightAligned(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
