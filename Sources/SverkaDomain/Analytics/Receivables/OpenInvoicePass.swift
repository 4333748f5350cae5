import SverkaEngine

/// What `OpenInvoiceQuery` does with each invoice row (id, counterparty_id, amount, undated,
/// day, currency): its balance on the date, its standing, and its group.
struct OpenInvoicePass {
    /// What one group is told apart by.
    struct Key: Hashable {
        var clientID: String?
        var counterpartyID: String?
        var standing: Int
        var currency: String?
        /// Set only for an invoice in a currency other than the base.
        var invoice: String?
    }

    let grouping: OpenInvoiceQuery.Grouping
    let base: String?
    /// The first due date of each bucket (`AgingBuckets.thresholds`) as ISO text, which sorts
    /// as the dates do.
    private let thresholds: [String]
    private(set) var groups: [Key: AgingCell] = [:]
    private(set) var repeated: [String] = []
    /// Rows mostly repeat one spelling of one currency.
    private var spelling: (raw: String, code: String?)?

    init(request: AgingRequest, grouping: OpenInvoiceQuery.Grouping, base: String?) {
        self.grouping = grouping
        self.base = base
        self.thresholds = request.buckets.thresholds(asOf: request.asOf).map(\.iso)
    }

    mutating func add(_ row: PreparedStatement, payments: inout PaymentsToDate) {
        let id = row.isNull(at: 0) ? nil : row.text(at: 0)
        var paid = PaymentsToDate.Entry()
        if let id {
            let claim = payments.claim(id)
            paid = claim.entry
            if claim.repeated { repeated.append(id) }
        }
        let balance = row.int64(at: 2) - paid.paid
        let day = balance > 0 && !row.isNull(at: 4) ? row.text(at: 4) : nil
        let standing = Self.standing(undated: row.int64(at: 3) != 0, balance: balance, day: day, thresholds: thresholds)
        let currency = code(row)
        var key = Key(standing: standing.code, currency: currency)
        if case .party(let owners) = grouping {
            let counterparty = row.isNull(at: 1) ? nil : row.text(at: 1)
            key.clientID = counterparty.flatMap { owners.owners[$0] }
            if key.clientID == nil { key.counterpartyID = counterparty }
        }
        if let base, let currency, currency != base { key.invoice = id ?? "" }
        groups[key, default: AgingCell(clientID: key.clientID, counterpartyID: key.counterpartyID, standing: standing,
                                       currency: currency, invoices: 0, balance: 0, earliestDay: nil, applied: 0,
                                       appliedPayments: 0)]
            .add(balance: balance, paid: paid, day: standing.isOverdue ? day : nil)
    }

    /// Undated first (it cannot be placed), then settled, then the bucket of its day: the first
    /// threshold it is on or after.
    static func standing(undated: Bool, balance: Int64, day: String?, thresholds: [String]) -> InvoiceStanding {
        if undated { return .undated }
        if balance == 0 { return .paid }
        if balance < 0 { return .overpaid }
        guard let day else { return .open(bucket: thresholds.count) }
        return .open(bucket: thresholds.firstIndex { day >= $0 } ?? thresholds.count)
    }

    private mutating func code(_ row: PreparedStatement) -> String? {
        guard !row.isNull(at: 5) else { return nil }
        let raw = row.text(at: 5)
        if let spelling, spelling.raw == raw { return spelling.code }
        let code = CurrencyCode.normalized(raw)
        spelling = (raw, code)
        return code
    }
}

extension AgingCell {
    mutating func add(balance: Int64, paid: PaymentsToDate.Entry, day: String?) {
        invoices += 1
        self.balance += balance
        applied += paid.paid
        appliedPayments += paid.payments
        if let day, earliestDay.map({ day < $0 }) ?? true { earliestDay = day }
    }
}
