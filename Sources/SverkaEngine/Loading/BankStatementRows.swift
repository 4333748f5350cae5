import SverkaSyntax

/// Turns a statement's documents into rows: fixed columns converted and checked here, where
/// each value's line is known, then every other key as its own column.
struct BankStatementRows {
    var columns: [RowTableColumn] = []
    var rows: [RowTableRow] = []
    /// Per row and column, where the value came from (line, column); nil for a missing key.
    var positions: [[(line: Int, column: Int)?]] = []

    init(_ statement: BankStatement, path: String) throws(Diagnostic) {
        let extras = BankStatementColumns.extraKeys(statement.documents)
        // Extra date keys (ДатаСписано, ДатаПоступило) become dates when every value is one.
        let extraDates = Set(extras.filter { key in
            key.hasPrefix("Дата") && statement.documents.allSatisfy { document in
                document.fields.allSatisfy { $0.key != key || $0.value.isEmpty || BankStatementColumns.isoDate($0.value) != nil }
            }
        })
        for fixed in BankStatementColumns.fixed {
            columns.append(RowTableColumn(name: fixed.name, fixedType: fixed.type,
                                          fixedReason: "1C " + fixed.keys.joined(separator: " or ")))
        }
        columns.append(RowTableColumn(name: BankStatementColumns.kindColumn, fixedType: .text, fixedReason: "1C СекцияДокумент"))
        for key in extras {
            let isDate = extraDates.contains(key)
            columns.append(RowTableColumn(name: key, fixedType: isDate ? .date : .text,
                                          fixedReason: isDate ? "1C date, dd.MM.yyyy" : "1C field, kept as written"))
        }
        for document in statement.documents {
            var fields: [String?] = []
            var places: [(line: Int, column: Int)?] = []
            for fixed in BankStatementColumns.fixed {
                let field = document.field(fixed.keys)
                fields.append(try field.map { field throws(Diagnostic) in try value(field, of: fixed, path: path) })
                places.append(field.map { ($0.line, $0.column) })
            }
            fields.append(document.kind)
            places.append((document.line, 1))
            for key in extras {
                let field = document.fields.last { $0.key == key && !$0.value.isEmpty }
                let text = field.map { extraDates.contains(key) ? BankStatementColumns.isoDate($0.value) ?? $0.value : $0.value }
                fields.append(text)
                places.append(field.map { ($0.line, $0.column) })
            }
            rows.append(RowTableRow(fields: fields, line: document.line))
            positions.append(places)
        }
    }

    /// A fixed column's value in its stored text form; a date or amount that is not one stops the load.
    private func value(_ field: BankStatementField, of fixed: BankStatementColumns.Fixed,
                       path: String) throws(Diagnostic) -> String {
        let location = "\(path):\(field.line):\(field.column)"
        switch fixed.type {
        case .date:
            guard let iso = BankStatementColumns.isoDate(field.value) else {
                throw Diagnostic("\(field.key)=\(field.value) is not a date", location: location,
                                 hints: ["1C writes dates as dd.MM.yyyy, e.g. 05.11.2026"])
            }
            return iso
        case .decimal:
            guard let amount = BankStatementColumns.amount(field.value) else {
                var error = Diagnostic("\(field.key)=\(field.value) is not an amount", location: location)
                let places = field.value.split(whereSeparator: { $0 == "." || $0 == "," }).last?.count ?? 0
                if places > 2, BankStatementColumns.amount(String(field.value.dropLast(places - 2))) != nil {
                    error = error.hint("it has \(places) decimal places and money keeps 2; loads never round")
                }
                throw error.hint("1C writes amounts in roubles with a point and two places, e.g. 15000.00")
            }
            return amount
        default:
            return fixed.name == "payer" || fixed.name == "payee" ? BankStatementColumns.nameWithoutINN(field.value) : field.value
        }
    }
}
