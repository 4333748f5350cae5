import Foundation
import SverkaSyntax

/// Reads a worksheet's cells into rows of text: shared, inline and formula strings, numbers
/// as written, booleans, error values, and dates from serial numbers by their cell style.
/// Cells may be sparse (`r="C5"`); rows without values are left out and counted.
final class XLSXSheetReader: XLSXXMLHandler {
    /// A row with at least one value, by its number in the sheet (1-based).
    struct Row {
        var number: Int
        var cells: [String?]
    }

    private let sharedStrings: [String]
    private let styles: XLSXStyles
    private let date1904: Bool
    private let location: (_ row: Int, _ column: Int) -> String
    private(set) var rows: [Row] = []
    /// Columns where at least one cell was a date by its style.
    private(set) var dateColumns: Set<Int> = []
    var failure: Diagnostic?

    private var rowNumber = 0
    private var cells: [String?] = []
    private var column = 0
    private var style = 0
    private var type = ""
    private var value = ""
    private var inlineText = ""
    private var inValue = false
    private var inInline = false
    private var inText = false
    private var inPhonetic = false

    init(sharedStrings: [String], styles: XLSXStyles, date1904: Bool,
         location: @escaping (_ row: Int, _ column: Int) -> String) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        self.location = location
    }

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
            column = 0
        case "c":
            if let reference = attributes["r"], let index = XLSXCellValue.columnIndex(ofReference: reference) { column = index }
            style = attributes["s"].flatMap { Int($0) } ?? 0
            type = attributes["t"] ?? "n"
            value = ""
            inlineText = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t": inText = inInline && !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "v": inValue = false
        case "is": inInline = false
        case "t": inText = false
        case "rPh": inPhonetic = false
        case "c":
            let text = cellText()
            if let text, !text.isEmpty {
                if column >= cells.count { cells.append(contentsOf: repeatElement(nil, count: column - cells.count + 1)) }
                cells[column] = text
            }
            column += 1
        case "row":
            // A row of formatting only holds no value: it is left out like a missing one.
            if !cells.isEmpty { rows.append(Row(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    func text(_ text: String) {
        if inValue { value += text } else if inText { inlineText += text }
    }

    /// The cell just closed, as text; nil when it holds nothing.
    private func cellText() -> String? {
        switch type {
        case "s":
            guard let index = Int(XLSXCellValue.trimmed(value)) else { return nil }
            guard index >= 0, index < sharedStrings.count else {
                failure = Diagnostic("the cell refers to shared string \(index), but the workbook has \(sharedStrings.count)",
                                     location: location(rowNumber, column), hints: ["open it in Excel and save it again"])
                return nil
            }
            return sharedStrings[index]
        case "inlineStr": return inlineText
        case "str", "e": return value
        case "b": return value == "1" ? "true" : value == "0" ? "false" : value
        case "d": return value.isEmpty ? nil : XLSXCellValue.isoDate(value)
        default:
            let raw = XLSXCellValue.trimmed(value)
            guard !raw.isEmpty else { return nil }
            let format = styles.format(ofStyle: style)
            if format.isTemporal { dateColumns.insert(column) }
            return XLSXCellValue.number(raw, format: format, date1904: date1904)
        }
    }
}
