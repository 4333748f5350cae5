import Foundation
import SverkaSyntax

/// Loads one sheet of an Excel workbook (.xlsx) into a workspace table, atomically. The first
/// row with a value names the columns; numbers reach type inference as Excel stored them
/// (`12345.67` stays exact), dates come from serial numbers by their cell style.
public struct XLSXLoader: StructuredFileLoader {
    public init() {}

    public func load(_ request: LoadRequest, structured: StructuredLoadOptions,
                     into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        let load = try RowTableLoad(request, into: workspace)
        let input = try RowTableInput(path: request.path, emptyHint: "an .xlsx file is a workbook saved by Excel")
        let path = request.path
        let archive = try XLSXArchive(input)
        let workbook = try XLSXWorkbook.read(archive)
        let (sheet, position) = try XLSXSheetChoice.choose(structured.sheet, in: workbook, path: path)
        guard let part = sheet.part else {
            throw Diagnostic("'\(path)' is damaged: sheet '\(sheet.name)' has no part with its cells", location: path,
                             hints: ["open it in Excel and save it again"])
        }
        let strings = XLSXSharedStrings()
        if let stringsPart = workbook.sharedStringsPart { _ = try archive.read(stringsPart, with: strings) }
        let styles = XLSXStyles()
        if let stylesPart = workbook.stylesPart { _ = try archive.read(stylesPart, with: styles) }
        let reference = XLSXSheetChoice.reference(sheet.name)
        let cellLocation = { (row: Int, column: Int) in "\(path):\(reference)!\(XLSXCellValue.columnLetters(column))\(row)" }
        let reader = XLSXSheetReader(sharedStrings: strings.strings, styles: styles, date1904: workbook.date1904,
                                     location: cellLocation)
        guard try archive.read(part, with: reader) else {
            throw Diagnostic("'\(path)' is damaged: the part \(part) with the cells of sheet '\(sheet.name)' is missing",
                             location: path, hints: ["open it in Excel and save it again"])
        }
        guard let header = reader.rows.first else { throw XLSXLoadError.emptySheet(sheet.name, path: path) }
        let dataRows = reader.rows.dropFirst().map { RowTableRow(fields: $0.cells, line: $0.number) }
        let width = reader.rows.map(\.cells.count).max() ?? 0
        let columns = (0..<width).map { index in
            RowTableColumn(name: index < header.cells.count ? header.cells[index] ?? "" : "",
                           detail: reader.dateColumns.contains(index) ? "from Excel date cells" : nil)
        }
        let lines = dataRows.map(\.line)
        let table = RowTable(columns: columns, rows: dataRows, lineName: "row") { row, column in
            cellLocation(lines[row], column)
        }

        var notes = ["format: Excel workbook (.xlsx)",
                     "sheet: '\(sheet.name)' (\(position) of \(workbook.sheets.count)"
                        + (workbook.sheets.count > 1 ? ": \(XLSXLoadError.list(workbook.sheets)); the option sheet picks another)" : ")"),
                     "header: row \(header.number)"]
        if workbook.date1904 { notes.append("dates: the 1904 date system (serial numbers count from 1904-01-01)") }
        let skipped = (reader.rows.last.map { $0.number - header.number + 1 } ?? 0) - reader.rows.count
        if skipped > 0 { notes.append("empty rows skipped: \(skipped)") }
        let options = RowTableLoad.canonicalOptions(format: "xlsx", structured.canonicalParts,
                                                    columnTypes: request.options.columnTypes)
        return try load.run(table, input: input, formatNotes: notes, options: options)
    }
}

/// Which sheet a load reads: by name, by 1-based position, or the first visible one.
enum XLSXSheetChoice {
    static func choose(_ wanted: String?, in workbook: XLSXWorkbook,
                       path: String) throws(Diagnostic) -> (XLSXSheetInfo, position: Int) {
        let sheets = workbook.sheets
        guard !sheets.isEmpty else {
            throw Diagnostic("'\(path)' lists no sheets", location: path, hints: ["open it in Excel and save it again"])
        }
        let index: Int
        if let wanted {
            if let exact = sheets.firstIndex(where: { $0.name == wanted })
                ?? sheets.firstIndex(where: { $0.name.lowercased() == wanted.lowercased() }) {
                index = exact
            } else if let number = Int(wanted.trimmingCharacters(in: .whitespaces)) {
                guard (1...sheets.count).contains(number) else {
                    throw XLSXLoadError.sheetOutOfRange(number, path: path, sheets: sheets)
                }
                index = number - 1
            } else {
                throw XLSXLoadError.sheetNotFound(wanted, path: path, sheets: sheets)
            }
        } else {
            index = sheets.firstIndex { !$0.hidden && $0.kind == "worksheet" } ?? 0
        }
        guard sheets[index].kind == "worksheet" else {
            throw XLSXLoadError.notWorksheet(sheets[index], path: path, sheets: sheets)
        }
        return (sheets[index], index + 1)
    }

    /// A sheet name as Excel writes it in a reference: quoted when it is not a plain word.
    static func reference(_ name: String) -> String {
        let plain = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? name : "'\(name.replacingOccurrences(of: "'", with: "''"))'"
    }
}
