import SverkaSyntax

/// Streams one worksheet of a workbook: the sheet's XML goes to a temporary file beside the
/// target row by row (memory stays flat), and `finish` zips it with the fixed parts.
///
/// Strings are inline (`t="inlineStr"`), so no shared-string table grows with the data.
/// Numbers are numeric cells holding the exact decimal text; money has a `#,##0.00`-style
/// format of its scale; dates are serial numbers with a date format; bools are boolean cells;
/// a null is no cell at all.
struct ExportXLSXWriter: ExportWriter {
    /// Excel's limits: rows per sheet (the header included), columns, characters per cell.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384
    static let maximumCellLength = 32_767
    /// Integers with more digits than a double keeps exactly are written as text.
    static let exactIntegerLimit: Int64 = 999_999_999_999_999

    private let destination: ExportDestination
    private let context: ExportContext
    private let sheet: ExportOutput
    private let sheetPath: String
    private var columns: [ResultColumn] = []
    /// `<c r="B` per column: each cell's start, the row number following.
    private var cellStarts: [[UInt8]] = []
    private var headerRows = 0

    init(destination: ExportDestination, context: ExportContext) throws(Diagnostic) {
        self.destination = destination
        self.context = context
        let companion = try destination.createCompanion(suffix: ".sheet.xml")
        sheetPath = companion.path
        sheet = ExportOutput(descriptor: companion.descriptor, displayPath: context.displayPath)
    }

    mutating func begin(_ columns: [ResultColumn]) throws(Diagnostic) {
        guard columns.count <= Self.maximumColumns else {
            throw Diagnostic("an xlsx sheet holds at most \(Self.maximumColumns) columns; the result has \(columns.count)")
        }
        self.columns = columns
        cellStarts = columns.indices.map { Array(#"<c r="\#(ExportXLSXText.columnLetters($0))"#.utf8) }
        sheet.write(ascii: ExportXLSXParts.declaration)
        sheet.write(ascii: ExportXLSXParts.worksheetStart)
        let showsHeader = context.options.header && !columns.isEmpty
        if showsHeader { sheet.write(ascii: ExportXLSXParts.frozenHeader) }
        if !columns.isEmpty {
            sheet.write(ascii: "<cols>")
            for (index, column) in columns.enumerated() {
                let number = index + 1
                sheet.write(ascii: #"<col min="\#(number)" max="\#(number)" width="\#(Self.width(column))" customWidth="1"/>"#)
            }
            sheet.write(ascii: "</cols>")
        }
        sheet.write(ascii: "<sheetData>")
        guard showsHeader else { return }
        headerRows = 1
        sheet.write(ascii: #"<row r="1">"#)
        let firstRow = Array("1".utf8)
        for (index, column) in columns.enumerated() {
            let name = context.guardsFormulas ? FormulaInjectionGuard.guarded(column.name) : column.name
            writeText(name, at: CellPlace(start: cellStarts[index], digits: firstRow), style: ExportXLSXParts.headerStyle)
        }
        sheet.write(ascii: "</row>")
    }

    mutating func write(_ row: [Value], number: Int) throws(Diagnostic) {
        let rowNumber = number + headerRows
        guard rowNumber <= Self.maximumRows else {
            throw ExportError.tooManyRows(limit: Self.maximumRows - headerRows, target: context.displayPath)
        }
        let digits = Array(String(rowNumber).utf8)
        sheet.write(ascii: #"<row r=""#)
        sheet.write(bytes: digits)
        sheet.write(ascii: #"">"#)
        for index in columns.indices where index < row.count {
            try cell(row[index], column: index, row: number, digits: digits)
        }
        sheet.write(ascii: "</row>")
        try sheet.flushIfFull()
    }

    mutating func finish() throws(Diagnostic) {
        sheet.write(ascii: "</sheetData></worksheet>")
        try sheet.close()
        try ExportXLSXPackage.write(sheetPath: sheetPath, to: destination, sheetName: context.sheetName,
                                    dateStyle: context.options.dateStyle)
        destination.removeCompanions()
    }

    /// One cell; `digits` is the sheet row number as text, `row` the result's row for messages.
    private func cell(_ value: Value, column: Int, row: Int, digits: [UInt8]) throws(Diagnostic) {
        let place = CellPlace(start: cellStarts[column], digits: digits)
        switch value {
        case .null:
            return
        case .integer(let number) where number.magnitude > Self.exactIntegerLimit.magnitude:
            writeText(String(number), at: place)
        case .integer(let number):
            writeNumber(String(number), at: place)
        case .decimal(let decimal):
            writeNumber(decimal.formatted(), at: place, style: ExportXLSXParts.decimalStyle(scale: decimal.scale))
        case .number(let number) where number.isFinite:
            writeNumber(ExportCellText.number(number), at: place)
        case .number(let number):
            writeText(ExportCellText.number(number), at: place)
        case .bool(let flag):
            open(place, style: 0)
            sheet.write(ascii: flag ? #" t="b"><v>1</v></c>"# : #" t="b"><v>0</v></c>"#)
        case .date(let date):
            if let serial = ExportXLSXSerial.days(date) {
                writeNumber(String(serial), at: place, style: ExportXLSXParts.dateStyle)
            } else {
                writeText(context.options.dateStyle.text(date), at: place)
            }
        case .datetime(let datetime):
            if let serial = ExportXLSXSerial.text(datetime) {
                writeNumber(serial, at: place, style: ExportXLSXParts.datetimeStyle)
            } else {
                writeText(context.options.dateStyle.text(datetime), at: place)
            }
        case .text(let text):
            guard text.utf16.count <= Self.maximumCellLength else {
                throw ExportError.cellTooLong(row: row, column: columns[column].name, target: context.displayPath)
            }
            writeText(context.guardsFormulas ? FormulaInjectionGuard.guarded(text) : text, at: place)
        }
    }

    /// Where a cell goes: `<c r="B` and the row's digits, kept as bytes (this is the hot loop).
    private struct CellPlace {
        var start: [UInt8]
        var digits: [UInt8]
    }

    private func writeNumber(_ text: String, at place: CellPlace, style: Int = 0) {
        open(place, style: style)
        sheet.write(ascii: "><v>")
        sheet.write(ascii: text)
        sheet.write(ascii: "</v></c>")
    }

    private func writeText(_ text: String, at place: CellPlace, style: Int = 0) {
        open(place, style: style)
        sheet.write(ascii: ExportXLSXText.needsPreserve(text) ? #" t="inlineStr"><is><t xml:space="preserve">"#
                                                               : #" t="inlineStr"><is><t>"#)
        // UTF-8 cannot refuse a character.
        _ = sheet.write(ExportXLSXText.content(text))
        sheet.write(ascii: "</t></is></c>")
    }

    /// `<c r="B12"` with the style, if any; the caller finishes the tag.
    private func open(_ place: CellPlace, style: Int) {
        sheet.write(bytes: place.start)
        sheet.write(bytes: place.digits)
        sheet.write(byte: UInt8(ascii: "\""))
        if style != 0 { sheet.write(ascii: #" s="\#(style)""#) }
    }

    /// A width in characters from the type and the header alone: rows stream, so the widest
    /// value is not known when the widths must be written (before the rows).
    static func width(_ column: ResultColumn) -> Int {
        let header = column.name.count + 2
        let byType: Int
        switch column.type {
        case .date: byType = 11
        case .datetime: byType = 19
        case .decimal: byType = 15
        case .integer, .number: byType = 10
        case .bool: byType = 7
        case .text, .null: byType = 12
        }
        return min(max(header, byType), 60)
    }
}
