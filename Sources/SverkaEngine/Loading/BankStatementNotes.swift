/// The notes a statement load adds before the per-column ones: what the file says it is, the
/// period and account, the documents by kind, and whether they add up to the account totals.
enum BankStatementNotes {
    static func format(_ statement: BankStatement) -> String {
        var parts = ["1C bank statement (1CClientBankExchange"]
        if let version = statement.header["ВерсияФормата"] { parts.append(", format \(version)") }
        if let sender = statement.header["Отправитель"], !sender.isEmpty { parts.append(", from \(sender)") }
        return "format: " + parts.joined() + ")"
    }

    static func summary(_ statement: BankStatement, rows: [RowTableRow]) -> [String] {
        var notes: [String] = []
        let header = statement.header
        var period: [String] = []
        if let account = header["РасчСчет"] { period.append("account \(account)") }
        if let from = header["ДатаНачала"], let to = header["ДатаКонца"] {
            period.append("\(BankStatementColumns.isoDate(from) ?? from) to \(BankStatementColumns.isoDate(to) ?? to)")
        }
        if !period.isEmpty { notes.append("statement: " + period.joined(separator: ", ")) }
        var kinds: [String: Int] = [:]
        var order: [String] = []
        for document in statement.documents {
            if kinds[document.kind] == nil { order.append(document.kind) }
            kinds[document.kind, default: 0] += 1
        }
        let byKind = order.map { "\($0.isEmpty ? "no kind" : $0): \(kinds[$0] ?? 0)" }.joined(separator: ", ")
        notes.append("documents: \(statement.documents.count)\(byKind.isEmpty ? "" : " (\(byKind))")")
        if statement.accounts.count == 1, let check = totals(statement.accounts[0], rows: rows) { notes.append(check) }
        if !statement.ended { notes.append("warning: the file has no КонецФайла line at its end; it may be incomplete") }
        return notes
    }

    /// The documents' amounts into and out of the account, exactly, against the account section's totals.
    private static func totals(_ account: [String: String], rows: [RowTableRow]) -> String? {
        guard let number = account["РасчСчет"],
              let received = account["ВсегоПоступило"].flatMap(cents), let paid = account["ВсегоСписано"].flatMap(cents)
        else { return nil }
        let position = { (name: String) in BankStatementColumns.fixed.firstIndex { $0.name == name } ?? 0 }
        let (amountColumn, payerColumn, payeeColumn) = (position("amount"), position("payer_account"), position("payee_account"))
        var into: Int64 = 0
        var outOf: Int64 = 0
        for row in rows {
            guard let amount = row.field(amountColumn).flatMap(cents) else { continue }
            if row.field(payeeColumn) == number { into &+= amount }
            if row.field(payerColumn) == number { outOf &+= amount }
        }
        let shown = { (value: Int64) in ExactDecimal(units: value, scale: 2).description }
        if into == received, outOf == paid {
            return "totals agree with the account section: received \(shown(received)), paid \(shown(paid))"
        }
        return "warning: the documents add up to received \(shown(into)), paid \(shown(outOf)); "
            + "the account section says received \(shown(received)), paid \(shown(paid))"
    }

    private static func cents(_ text: String) -> Int64? {
        BankStatementColumns.amount(text).flatMap { ExactDecimal(parsing: Substring($0)) }?.rescaled(to: 2)?.units
    }
}
