import SverkaSyntax

/// A sheet as the workbook lists it.
struct XLSXSheetInfo {
    var name: String
    /// The part holding its cells; nil when the relationship is missing.
    var part: String?
    /// `worksheet`, `chartsheet`, `dialogsheet`, …: the relationship type's last segment.
    var kind: String
    var hidden: Bool
}

/// What the workbook part says: its sheets in order, the date system, and where the shared
/// strings and styles are.
struct XLSXWorkbook {
    var sheets: [XLSXSheetInfo]
    /// Serial numbers count days from 1904-01-01 (old Mac Excel) instead of 1900.
    var date1904: Bool
    var sharedStringsPart: String?
    var stylesPart: String?

    static func read(_ archive: XLSXArchive) throws(Diagnostic) -> XLSXWorkbook {
        // The package's own relationships name the main part; it is xl/workbook.xml in practice.
        let main = try archive.relationships(of: "").first { $0.kind == "officeDocument" }?.target ?? "xl/workbook.xml"
        let handler = WorkbookHandler()
        guard try archive.read(main, with: handler) else {
            throw XLSXLoadError.noWorkbook(archive.path, parts: archive.partNames)
        }
        let relationships = try archive.relationships(of: main)
        let byID = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sheets = handler.sheets.map { listed in
            let relationship = listed.relationshipID.flatMap { byID[$0] }
            return XLSXSheetInfo(name: listed.name, part: relationship?.target,
                                 kind: relationship?.kind ?? "worksheet", hidden: listed.hidden)
        }
        return XLSXWorkbook(sheets: sheets, date1904: handler.date1904,
                            sharedStringsPart: relationships.first { $0.kind == "sharedStrings" }?.target,
                            stylesPart: relationships.first { $0.kind == "styles" }?.target)
    }

    /// Reads `<sheet name=… r:id=…>` and `<workbookPr date1904=…>`.
    private final class WorkbookHandler: XLSXXMLHandler {
        struct Listed {
            var name: String
            var relationshipID: String?
            var hidden: Bool
        }

        var sheets: [Listed] = []
        var date1904 = false
        var failure: Diagnostic?

        func start(_ name: String, attributes: [String: String]) {
            switch name {
            case "sheet":
                // The relationship id is `r:id`, whatever prefix the writer bound to the namespace.
                let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
                let state = attributes["state"] ?? "visible"
                sheets.append(Listed(name: attributes["name"] ?? "Sheet\(sheets.count + 1)", relationshipID: id,
                                     hidden: state != "visible"))
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                date1904 = value == "1" || value == "true"
            default:
                break
            }
        }

        func end(_ name: String) {}
        func text(_ text: String) {}
    }
}

/// Reads the shared strings part: one string per `<si>`, the text of its `<t>` elements
/// (plain, or the runs of rich text), without phonetic guides (`<rPh>`).
final class XLSXSharedStrings: XLSXXMLHandler {
    var strings: [String] = []
    var failure: Diagnostic?
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func text(_ text: String) {
        if inText { current += text }
    }
}
