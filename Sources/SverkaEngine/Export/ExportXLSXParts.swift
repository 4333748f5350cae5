/// The fixed parts of a minimal workbook with one sheet: content types, relationships, the
/// workbook and its styles. The sheet itself is streamed by `ExportXLSXWriter`.
enum ExportXLSXParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// The sheet's entry name (it is zipped last, after `[Content_Types].xml` and the others).
    static let sheetEntry = "xl/worksheets/sheet1.xml"

    /// The sheet's opening tag, before its views, columns and rows.
    static let worksheetStart = #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#

    /// Keeps the header row in view while the rows scroll.
    static let frozenHeader = #"<sheetViews><sheetView workbookViewId="0">"#
        + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="\(contentTypePrefix).sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="\(contentTypePrefix).worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="\(contentTypePrefix).styles+xml"/>\
        </Types>
        """

    static let rootRelationships = declaration + """
        <Relationships xmlns="\(packageRelationships)">\
        <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static let workbookRelationships = declaration + """
        <Relationships xmlns="\(packageRelationships)">\
        <Relationship Id="rId1" Type="\(relationshipNamespace)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationshipNamespace)/styles" Target="styles.xml"/>\
        </Relationships>
        """

    static func workbook(sheetName: String) -> String {
        declaration + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)">\
            <sheets><sheet name="\(ExportXLSXText.attribute(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
            </workbook>
            """
    }

    /// Styles by index: 0 plain, 1 bold header, 2 date, 3 datetime, then one per decimal scale
    /// 0…9 (`#,##0`, `#,##0.0`, `#,##0.00` …) so money shows its kopecks.
    static func styles(dateStyle: ExportDateStyle) -> String {
        var formats = [(164, dateStyle.excelFormat), (165, dateStyle.excelFormat + " hh:mm:ss")]
        var decimalFormats: [Int] = []
        for scale in 0...maximumStyledScale {
            switch scale {
            case 0: decimalFormats.append(3) // built-in #,##0
            case 2: decimalFormats.append(4) // built-in #,##0.00
            default:
                formats.append((166 + scale, "#,##0." + String(repeating: "0", count: scale)))
                decimalFormats.append(166 + scale)
            }
        }
        let numberFormats = formats.map { #"<numFmt numFmtId="\#($0.0)" formatCode="\#(ExportXLSXText.attribute($0.1))"/>"# }
        let plain = #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        var cellFormats = [plain, #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#]
        for id in [164, 165] + decimalFormats {
            cellFormats.append(#"<xf numFmtId="\#(id)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#)
        }
        return declaration + """
            <styleSheet xmlns="\(mainNamespace)">\
            <numFmts count="\(numberFormats.count)">\(numberFormats.joined())</numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1">\(plain.replacingOccurrences(of: #" xfId="0""#, with: ""))</cellStyleXfs>\
            <cellXfs count="\(cellFormats.count)">\(cellFormats.joined())</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }

    static let headerStyle = 1
    static let dateStyle = 2
    static let datetimeStyle = 3
    /// Decimals with more places share the last style: the value keeps every digit anyway.
    static let maximumStyledScale = 9

    static func decimalStyle(scale: Int) -> Int { 4 + min(max(scale, 0), maximumStyledScale) }
}
