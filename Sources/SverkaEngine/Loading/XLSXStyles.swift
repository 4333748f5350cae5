import SverkaSyntax

/// Reads the styles part for what matters to values: the number format of each cell style
/// (`<cellXfs><xf numFmtId=…>`, indexed by a cell's `s`), with custom codes from `<numFmts>`.
final class XLSXStyles: XLSXXMLHandler {
    private var codes: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false
    var failure: Diagnostic?

    /// The format of each cell style, by index.
    private(set) var formats: [XLSXNumberFormat] = []
    /// The custom code of each cell style, for notes (`dd.mm.yyyy`); nil for built-in formats.
    private(set) var formatCodes: [String?] = []

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { codes[id] = code }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    func end(_ name: String) {
        guard name == "cellXfs" else { return }
        inCellFormats = false
        formats = formatIDs.map { XLSXNumberFormat.classify(id: $0, code: codes[$0]) }
        formatCodes = formatIDs.map { codes[$0] }
    }

    func text(_ text: String) {}

    func format(ofStyle index: Int) -> XLSXNumberFormat {
        index >= 0 && index < formats.count ? formats[index] : .general
    }
}
