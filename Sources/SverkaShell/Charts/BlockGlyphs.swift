/// The Unicode block characters charts are drawn with: eighths of a cell, so a bar's length or a
/// column's height is exact to an eighth of a character.
enum BlockGlyphs {
    /// Left-aligned blocks of 1…7 eighths of a cell's width, for bars growing rightwards.
    static let leftEighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Lower blocks of 1…8 eighths of a cell's height, for columns and sparklines.
    static let lowerEighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let full: Character = "█"
    /// Text has no right-aligned eighths: bars growing leftwards are drawn in half cells.
    static let rightHalf: Character = "▐"
    /// Nor lower-growing ones: columns below zero are drawn in half cells from the top.
    static let upperHalf: Character = "▀"

    /// A bar `eighths` long, growing rightwards from the left of its first cell.
    static func bar(eighths: Int) -> String {
        guard eighths > 0 else { return "" }
        var text = String(repeating: full, count: eighths / 8)
        if eighths % 8 > 0 { text.append(leftEighths[eighths % 8 - 1]) }
        return text
    }

    /// A bar `halves` half cells long, growing leftwards: it ends at the right of its last cell.
    static func leftwardBar(halves: Int) -> String {
        guard halves > 0 else { return "" }
        return (halves % 2 == 1 ? String(rightHalf) : "") + String(repeating: full, count: halves / 2)
    }
}
