import SverkaSyntax

/// The messages an Excel load can fail with, each with what to do about it.
enum XLSXLoadError {
    static func notZip(_ path: String, bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        // Excel 97–2003 files, and password-protected .xlsx files, are OLE2 compound documents.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return Diagnostic("'\(path)' is an Excel 97–2003 workbook (.xls) or a password-protected one; sverka reads .xlsx",
                              location: path,
                              hints: ["open it in Excel and save it as an Excel Workbook (.xlsx), without a password"])
        }
        return Diagnostic("'\(path)' is not an Excel workbook: an .xlsx file is a ZIP archive, and this one is not",
                          location: path,
                          hints: ["if it is a CSV or text export, give it a .csv name; otherwise save it from Excel as .xlsx"])
    }

    static func damagedZip(_ path: String, reason: String) -> Diagnostic {
        Diagnostic("'\(path)' is not a readable ZIP archive, so not an Excel workbook (\(reason))", location: path,
                   hints: ["the file may be cut short; copy or download it again, or save it from Excel as .xlsx"])
    }

    static func noWorkbook(_ path: String, parts: [String]) -> Diagnostic {
        let hint = parts.contains { $0.lowercased().hasPrefix("word/") } ? "it looks like a Word document"
            : parts.contains { $0.lowercased() == "content.xml" } ? "it looks like an OpenDocument file (.ods); save it as .xlsx"
            : "an Excel workbook holds xl/workbook.xml"
        return Diagnostic("'\(path)' is a ZIP archive but not an Excel workbook: it has no workbook part", location: path,
                          hints: [hint])
    }

    static func sheetNotFound(_ wanted: String, path: String, sheets: [XLSXSheetInfo]) -> Diagnostic {
        var error = Diagnostic("no sheet '\(wanted)' in '\(path)'", location: path)
        if let suggestion = Suggestion.closest(to: wanted, among: sheets.map(\.name)) {
            error = error.hint("did you mean '\(suggestion)'?")
        }
        return error.hint("its sheets: \(list(sheets))")
    }

    static func sheetOutOfRange(_ number: Int, path: String, sheets: [XLSXSheetInfo]) -> Diagnostic {
        Diagnostic("'\(path)' has \(sheets.count) sheet\(sheets.count == 1 ? "" : "s"); there is no sheet \(number)",
                   location: path, hints: ["its sheets: \(list(sheets))", "sheets are numbered from 1"])
    }

    static func notWorksheet(_ sheet: XLSXSheetInfo, path: String, sheets: [XLSXSheetInfo]) -> Diagnostic {
        Diagnostic("sheet '\(sheet.name)' in '\(path)' is a \(sheet.kind), not a sheet of cells", location: path,
                   hints: ["its sheets: \(list(sheets))"])
    }

    static func emptySheet(_ sheet: String, path: String) -> Diagnostic {
        Diagnostic("sheet '\(sheet)' in '\(path)' is empty: there is no header row", location: path,
                   hints: ["the first row with a value names the columns; pick another sheet with the option sheet"])
    }

    /// `1 'Data', 2 'Summary' (hidden)`.
    static func list(_ sheets: [XLSXSheetInfo]) -> String {
        sheets.enumerated().map { "\($0.offset + 1) '\($0.element.name)'\($0.element.hidden ? " (hidden)" : "")" }
            .joined(separator: ", ")
    }
}
