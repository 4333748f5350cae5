import SverkaEngine

/// The groups of `AgingSeries` for every date at once: the `AgingCell`s `OpenInvoicePass` would
/// have made on each date. Groups are kept in arrays by currency, date and standing rather than
/// in a dictionary keyed by strings: the pass adds each invoice once per date, and a dictionary
/// lookup per addition would cost more than the read saved.
struct AgingSeriesTally {
    /// What one group adds up.
    struct Sum {
        var invoices = 0
        var balance: Int64 = 0
        var applied: Int64 = 0
        var appliedPayments = 0
    }

    let dates: Int
    /// Standings per date: the buckets, then paid, overpaid and undated (`InvoiceStanding.code`
    /// from -3, shifted to count from 0).
    private let slots: Int
    /// The currency codes met, in the order met; index 0 is no currency.
    private(set) var codes: [String?] = [nil]
    private var indexOfCode: [String: Int] = [:]
    /// Rows mostly repeat one spelling of one currency.
    private var spelling: (raw: String, index: Int)?
    /// Per currency, `dates × slots` sums.
    private var sums: [[Sum]]
    /// Per date, the cells of single invoices: with a base currency, each invoice in another
    /// currency is a group of its own (converted on its own, as `OpenInvoicePass` keys it).
    private var single: [[AgingCell]]

    init(dates: Int, buckets: Int) {
        self.dates = dates
        self.slots = buckets + 3
        self.sums = [Array(repeating: Sum(), count: dates * (buckets + 3))]
        self.single = Array(repeating: [], count: dates)
    }

    /// The index of a currency as spelled in a row (nil: none), normalized as `OpenInvoicePass`
    /// does, so that two spellings of one code share their groups.
    mutating func currency(_ raw: String?) -> Int {
        guard let raw else { return 0 }
        if let spelling, spelling.raw == raw { return spelling.index }
        let index: Int
        if let code = CurrencyCode.normalized(raw) {
            if let known = indexOfCode[code] {
                index = known
            } else {
                index = codes.count
                codes.append(code)
                indexOfCode[code] = index
                sums.append(Array(repeating: Sum(), count: dates * slots))
            }
        } else {
            index = 0
        }
        spelling = (raw, index)
        return index
    }

    /// One invoice on the date of index `date`. `alone`: it is a group of its own (a foreign
    /// currency with a base, and an id); only its debt or overpayment needs the cell, since a
    /// paid or undated group is counted, never converted.
    mutating func add(date: Int, currency: Int, standing: InvoiceStanding, balance: Int64, applied: Int64,
                      appliedPayments: Int, alone: Bool) {
        if alone, balance != 0, standing != .undated {
            single[date].append(AgingCell(clientID: nil, counterpartyID: nil, standing: standing, currency: codes[currency],
                                          invoices: 1, balance: balance, earliestDay: nil, applied: applied,
                                          appliedPayments: appliedPayments))
            return
        }
        let index = date * slots + standing.code + 3
        sums[currency][index].invoices += 1
        sums[currency][index].balance += balance
        sums[currency][index].applied += applied
        sums[currency][index].appliedPayments += appliedPayments
    }

    /// The cells of the date of index `date`, for `AgingAssembler`.
    func cells(date: Int) -> [AgingCell] {
        var cells = single[date]
        for (currency, sums) in sums.enumerated() {
            for slot in 0..<slots {
                let sum = sums[date * slots + slot]
                guard sum.invoices > 0 else { continue }
                cells.append(AgingCell(clientID: nil, counterpartyID: nil, standing: Self.standing(code: slot - 3),
                                       currency: codes[currency], invoices: sum.invoices, balance: sum.balance,
                                       earliestDay: nil, applied: sum.applied, appliedPayments: sum.appliedPayments))
            }
        }
        return cells
    }

    private static func standing(code: Int) -> InvoiceStanding {
        switch code {
        case -3: return .undated
        case -2: return .overpaid
        case -1: return .paid
        default: return .open(bucket: code)
        }
    }
}
