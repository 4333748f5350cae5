import SverkaEngine
import SverkaSyntax

/// Reads the revenue a request asks for into the ledger: won deals closed in the period, or
/// invoices issued in it, or payments made in it — each amount converted to the base currency
/// on its own date.
///
/// Invoices and payments reach their deal through scratch copies of crm.deals (and, for
/// payments, acc.invoices) indexed by id, made once per run; the roles themselves are views
/// SQLite could only scan.
struct RevenueReader {
    let stream: RoleStream
    let request: ProfitRequest
    let keys: ProfitKeys

    /// The scratch tables (trimmed ids, blanks as none).
    static let dealsTable = "_sverka_pf_deals"
    static let invoicesTable = "_sverka_pf_invoices"

    /// The deal field a dimension reads, if any.
    private var attribute: String? { request.dimension == .client ? nil : request.dimension.rawValue }

    func read(into ledger: inout ProfitLedger, converter: inout CurrencyConverter, scratch: ScratchTables,
              notes: inout [String]) throws(Diagnostic) {
        switch request.revenue {
        case .deals: try readDeals(into: &ledger, converter: &converter)
        case .invoices: try readInvoices(into: &ledger, converter: &converter, scratch: scratch, notes: &notes)
        case .payments: try readPayments(into: &ledger, converter: &converter, scratch: scratch, notes: &notes)
        }
    }

    // MARK: - Sources

    private func readDeals(into ledger: inout ProfitLedger, converter: inout CurrencyConverter) throws(Diagnostic) {
        try require("crm.deals")
        let won = "stage == \"won\""
        let columns = ["client = \(ProfitPipelines.id("client_id"))", "counterparty = text(null)", attributeColumn("attribute", attribute),
                       "amount", "currency", "day = closed_at"]
        let pipeline = "from crm.deals" + ProfitPipelines.filter([won, ProfitPipelines.condition(request.period, on: "closed_at")])
            + " | select " + columns.joined(separator: ", ")
        let query = try stream.compile(pipeline, name: "crm.deals")
        try add(sql: query.sql, parameters: query.parameters, into: &ledger, converter: &converter)
    }

    private func readInvoices(into ledger: inout ProfitLedger, converter: inout CurrencyConverter, scratch: ScratchTables,
                              notes: inout [String]) throws(Diagnostic) {
        try require("acc.invoices")
        let deals = try copyDeals(scratch, notes: &notes)
        let pipeline = "from acc.invoices" + ProfitPipelines.filter([ProfitPipelines.condition(request.period, on: "issue_date")])
            + " | select deal = \(ProfitPipelines.id("deal_id")), counterparty = \(ProfitPipelines.id("counterparty_id")), "
            + "amount, currency, day = issue_date"
        let invoices = try stream.compile(pipeline, name: "acc.invoices")
        let sql = scratch.sql
        let (client, dealAttribute, join) = dealColumns(deals, on: "i.\(sql.quote("deal"))", sql: sql)
        try add(sql: """
            SELECT \(client), i.\(sql.quote("counterparty")), \(dealAttribute), i.\(sql.quote("amount")),
                   i.\(sql.quote("currency")), i.\(sql.quote("day"))
            FROM (\(invoices.sql)) AS i\(join)
            """, parameters: invoices.parameters, into: &ledger, converter: &converter)
    }

    private func readPayments(into ledger: inout ProfitLedger, converter: inout CurrencyConverter, scratch: ScratchTables,
                              notes: inout [String]) throws(Diagnostic) {
        try require("acc.payments")
        let deals = try copyDeals(scratch, notes: &notes)
        let sql = scratch.sql
        var invoiceJoin = ""
        var counterparty = "p.\(sql.quote("counterparty"))"
        var currency = "NULL"
        var dealKey = "NULL"
        if stream.exists("acc.invoices") {
            let invoices = try stream.compile("from acc.invoices | select id = \(ProfitPipelines.id("id")), "
                                              + "deal = \(ProfitPipelines.id("deal_id")), "
                                              + "counterparty = \(ProfitPipelines.id("counterparty_id")), currency",
                                              name: "acc.invoices")
            try scratch.create(Self.invoicesTable, as: invoices.sql, parameters: invoices.parameters, index: ["id"])
            try ReconcileInputs.checkUnique(Self.invoicesTable, role: "acc.invoices", in: scratch)
            invoiceJoin = " LEFT JOIN \(sql.quote(Self.invoicesTable)) AS i ON i.\(sql.quote("id")) = p.\(sql.quote("invoice"))"
            // The invoice's counterparty is who was billed; a payment with no invoice has only its own.
            counterparty = "COALESCE(i.\(sql.quote("counterparty")), p.\(sql.quote("counterparty")))"
            currency = "i.\(sql.quote("currency"))"
            dealKey = "i.\(sql.quote("deal"))"
        } else {
            notes.append("acc.invoices is not mapped: payments reach clients through their own counterparty only, in the base currency")
        }
        let pipeline = "from acc.payments" + ProfitPipelines.filter([ProfitPipelines.condition(request.period, on: "paid_at")])
            + " | select invoice = \(ProfitPipelines.id("invoice_id")), counterparty = \(ProfitPipelines.id("counterparty_id")), "
            + "amount, day = paid_at"
        let payments = try stream.compile(pipeline, name: "acc.payments")
        let (client, dealAttribute, dealJoin) = dealColumns(invoiceJoin.isEmpty ? false : deals, on: dealKey, sql: sql)
        try add(sql: """
            SELECT \(client), \(counterparty), \(dealAttribute), p.\(sql.quote("amount")), \(currency), p.\(sql.quote("day"))
            FROM (\(payments.sql)) AS p\(invoiceJoin)\(dealJoin)
            """, parameters: payments.parameters, into: &ledger, converter: &converter)
    }

    // MARK: - Pieces

    /// Every row is (client, counterparty, deal attribute, amount, currency, day).
    private func add(sql: String, parameters: [StoredValue], into ledger: inout ProfitLedger,
                     converter: inout CurrencyConverter) throws(Diagnostic) {
        try stream.each(sql: sql, parameters: parameters) { row in
            guard !row.isNull(at: 3) else {
                ledger.revenueWithoutAmount += 1
                return
            }
            let units = converter.convert(units: row.int64(at: 3), currency: row.optionalText(at: 4),
                                          on: row.optionalText(at: 5).flatMap { CalendarDate(iso: Substring($0)) })
            let (key, reason) = keys.revenue(client: row.optionalText(at: 0), counterparty: row.optionalText(at: 1),
                                             dealAttribute: row.optionalText(at: 2))
            ledger.addRevenue(units, to: key, reason: reason)
        }
    }

    /// `attribute = nullif(trim(product), "")`, or a typed null when the dimension reads none.
    private func attributeColumn(_ name: String, _ field: String?) -> String {
        guard let field else { return "\(name) = text(null)" }
        return "\(name) = \(ProfitPipelines.id(field))"
    }

    /// Copies crm.deals' id, client and the dimension's field, indexed by id; false when the
    /// role is not mapped (invoices then reach clients through counterparties only).
    private func copyDeals(_ scratch: ScratchTables, notes: inout [String]) throws(Diagnostic) -> Bool {
        guard stream.exists("crm.deals") else {
            notes.append("crm.deals is not mapped: \(request.revenue.rawValue) reach clients through their counterparties only")
            return false
        }
        let pipeline = "from crm.deals | select id = \(ProfitPipelines.id("id")), client = \(ProfitPipelines.id("client_id")), "
            + attributeColumn("attribute", attribute)
        let query = try stream.compile(pipeline, name: "crm.deals")
        try scratch.create(Self.dealsTable, as: query.sql, parameters: query.parameters, index: ["id"])
        try ReconcileInputs.checkUnique(Self.dealsTable, role: "crm.deals", in: scratch)
        return true
    }

    /// The deal's client and attribute columns and the join that brings them, or nulls.
    private func dealColumns(_ deals: Bool, on key: String, sql: DomainSQL) -> (String, String, String) {
        guard deals else { return ("NULL", "NULL", "") }
        let d = sql.quote(Self.dealsTable)
        return ("d.\(sql.quote("client"))", "d.\(sql.quote("attribute"))",
                " LEFT JOIN \(d) AS d ON d.\(sql.quote("id")) = \(key)")
    }

    private func require(_ role: String) throws(Diagnostic) {
        guard stream.exists(role) else { throw ScratchTables.missing(role) }
    }
}
