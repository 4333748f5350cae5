import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SverkaSyntax

/// What reads one XML part of a workbook. Element names arrive without their namespace prefix
/// (`x:row` → `row`: some writers prefix every element); attribute names arrive as written.
protocol XLSXXMLHandler: AnyObject {
    func start(_ name: String, attributes: [String: String])
    func end(_ name: String)
    func text(_ text: String)
    /// Set by the handler to stop the parse with this error.
    var failure: Diagnostic? { get }
}

/// Runs Foundation's `XMLParser` over one part and forwards its events to a handler.
final class XLSXXMLReader: NSObject, XMLParserDelegate {
    private let handler: XLSXXMLHandler
    /// The first syntax error: its code and where the parser was.
    private var syntaxError: (code: Int, line: Int, column: Int)?
    /// Elements open now; not zero at the end means the part was cut short.
    private var depth = 0

    private init(handler: XLSXXMLHandler) {
        self.handler = handler
    }

    /// Parses `data`, the part named `part` of the workbook at `path`.
    static func read(_ data: Data, part: String, path: String, with handler: XLSXXMLHandler) throws(Diagnostic) {
        // From a stream, the parser feeds libxml2 in chunks; given the Data at once it hands over one
        // chunk, and libxml2 refuses chunks over 10 MB (a sheet of some 40,000 rows) as an "internal error".
        let parser = XMLParser(stream: InputStream(data: data))
        let reader = XLSXXMLReader(handler: handler)
        parser.delegate = reader
        // Workbooks need no DTDs or entities from outside; resolving them would be a way in for an attacker.
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure = handler.failure { throw failure }
        // libxml2 recovers from some errors and the parse still reports success: the callback is what counts.
        if let error = reader.syntaxError {
            throw damaged(path, part: part, reason: describe(code: error.code), at: "\(error.line):\(error.column)")
        }
        guard parsed else {
            throw damaged(path, part: part, reason: describe(code: parser.parserError.map { ($0 as NSError).code } ?? 0),
                          at: "\(parser.lineNumber):\(parser.columnNumber)")
        }
        guard reader.depth == 0 else { throw damaged(path, part: part, reason: "it ends inside an element", at: nil) }
    }

    private static func damaged(_ path: String, part: String, reason: String, at position: String?) -> Diagnostic {
        Diagnostic("'\(path)' is damaged: its part \(part) is not well-formed XML (\(reason))",
                   location: "\(path):\(part)" + (position.map { ":\($0)" } ?? ""),
                   hints: ["the file may be cut short; open it in Excel and save it again"])
    }

    /// Words for the libxml2 error codes a damaged part typically gives.
    private static func describe(code: Int) -> String {
        switch code {
        case 4: return "it is empty"
        case 5: return "it ends too early"
        case 9: return "an invalid character"
        case 26: return "an undeclared entity"
        case 73: return "a tag without its '>'"
        case 76: return "a closing tag that does not match the opening one"
        default: return "XML error \(code)"
        }
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        depth += 1
        handler.start(XLSXXMLReader.localName(elementName), attributes: attributeDict)
        if handler.failure != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        handler.end(XLSXXMLReader.localName(elementName))
        if handler.failure != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if syntaxError == nil {
            syntaxError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber)
        }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        handler.text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        handler.text(String(decoding: CDATABlock, as: UTF8.self))
    }
}
