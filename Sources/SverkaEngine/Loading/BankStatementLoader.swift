import Foundation
import SverkaSyntax

/// Loads a 1C client-bank exchange file (`1CClientBankExchange`, usually Windows-1251) into a
/// workspace table, atomically: one row per `СекцияДокумент`, with number, date, exact amount,
/// payer and payee names, ИНН and accounts, purpose and kind, then any other keys as text.
public struct BankStatementLoader: StructuredFileLoader {
    public init() {}

    /// The structured options do not apply to statements; the parameter keeps the loaders alike.
    public func load(_ request: LoadRequest, structured: StructuredLoadOptions,
                     into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        let load = try RowTableLoad(request, into: workspace)
        let input = try RowTableInput(path: request.path,
                                      emptyHint: "a 1C bank statement starts with the line 1CClientBankExchange")
        let path = request.path
        let (text, encoding) = try BankStatementText.decode(input.bytes, path: path)
        let statement = try BankStatementParser.parse(text, path: path)
        let built = try BankStatementRows(statement, path: path)
        let positions = built.positions
        let starts = built.rows.map(\.line)
        let table = RowTable(columns: built.columns, rows: built.rows) { row, column in
            let place = positions[row][column] ?? (starts[row], 1)
            return "\(path):\(place.line):\(place.column)"
        }
        let notes = [BankStatementNotes.format(statement), encoding] + BankStatementNotes.summary(statement, rows: built.rows)
        let options = RowTableLoad.canonicalOptions(format: "1c-bank-statement", [],
                                                    columnTypes: request.options.columnTypes)
        return try load.run(table, input: input, formatNotes: notes, options: options)
    }
}
