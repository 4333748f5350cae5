import Foundation
import SverkaSyntax

/// A `Key=Value` of a statement, with where its value starts in the file.
struct BankStatementField {
    var key: String
    var value: String
    var line: Int
    var column: Int
}

/// One `СекцияДокумент=Kind` … `КонецДокумента` section.
struct BankStatementDocument {
    var kind: String
    var line: Int
    var fields: [BankStatementField]

    /// The last value of the first of `keys` present with a non-empty value.
    func field(_ keys: [String]) -> BankStatementField? {
        for key in keys {
            if let field = fields.last(where: { $0.key == key }), !field.value.isEmpty { return field }
        }
        return nil
    }
}

/// A 1C client-bank exchange file: its header keys, account sections and documents.
struct BankStatement {
    var header: [String: String] = [:]
    /// `СекцияРасчСчет` … `КонецРасчСчет` sections: opening and closing balances, totals.
    var accounts: [[String: String]] = []
    var documents: [BankStatementDocument] = []
    /// False when the file stops without its `КонецФайла` line.
    var ended = false
}

/// Reads the sections of a 1C statement from its decoded text.
enum BankStatementParser {
    static func parse(_ text: String, path: String) throws(Diagnostic) -> BankStatement {
        // CRLF is one Character in Swift, so split on what is a line break, not on "\n".
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let first = lines.first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard first == BankStatementText.marker else {
            throw Diagnostic("not a 1C bank statement: the first line is \(ColumnDecision.quoted(first)), not \(BankStatementText.marker)",
                             location: "\(path):1:1",
                             hints: ["1C client-bank files start with the line 1CClientBankExchange"])
        }
        var statement = BankStatement()
        var document: BankStatementDocument?
        var account: [String: String]?
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let equals = line.firstIndex(of: "=")
            let key = String(line[..<(equals ?? line.endIndex)]).trimmingCharacters(in: .whitespaces)
            if key.isEmpty, equals == nil { continue }
            let value = equals.map { String(line[line.index(after: $0)...]).trimmingCharacters(in: .whitespaces) }
            switch key {
            case "СекцияДокумент":
                if let open = document { throw unterminated(open, before: number, path: path) }
                document = BankStatementDocument(kind: value ?? "", line: number, fields: [])
            case "КонецДокумента":
                guard let closed = document else {
                    throw Diagnostic("КонецДокумента without a СекцияДокумент before it", location: "\(path):\(number):1",
                                     hints: ["a document is the lines from СекцияДокумент=… to КонецДокумента"])
                }
                statement.documents.append(closed)
                document = nil
            case "СекцияРасчСчет":
                if let open = document { throw unterminated(open, before: number, path: path) }
                account = [:]
            case "КонецРасчСчет":
                if let closed = account { statement.accounts.append(closed) }
                account = nil
            case "КонецФайла":
                if let open = document { throw unterminated(open, before: number, path: path) }
                statement.ended = true
            default:
                guard let value, let equals else {
                    // Outside a document, 1C writes only markers; an unknown one is harmless.
                    guard document == nil else {
                        throw Diagnostic("expected Key=Value inside a document, found \(ColumnDecision.quoted(String(line)))",
                                         location: "\(path):\(number):1",
                                         hints: ["a document's lines look like Сумма=15000.00 and end with КонецДокумента"])
                    }
                    continue
                }
                if document != nil {
                    let column = line.distance(from: line.startIndex, to: equals) + 2 + leadingSpaces(line[line.index(after: equals)...])
                    document?.fields.append(BankStatementField(key: key, value: value, line: number, column: column))
                } else if account != nil {
                    account?[key] = value
                } else {
                    statement.header[key] = value
                }
            }
            if statement.ended { break }
        }
        if let open = document { throw unterminated(open, before: nil, path: path) }
        return statement
    }

    private static func leadingSpaces(_ text: Substring) -> Int {
        text.prefix { $0 == " " || $0 == "\t" }.count
    }

    private static func unterminated(_ document: BankStatementDocument, before line: Int?, path: String) -> Diagnostic {
        let end = line.map { "before line \($0)" } ?? "before the end of the file"
        return Diagnostic("the document section opened here (СекцияДокумент=\(document.kind)) has no КонецДокумента \(end)",
                          location: "\(path):\(document.line):1",
                          hints: ["each СекцияДокумент=… ends with a line КонецДокумента; the file may be cut short"])
    }
}
