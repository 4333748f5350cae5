import SverkaEngine

/// The lines a profit report adds under its table: what went unallocated and why, what was
/// missing, what was converted — what a reader needs before trusting the margins.
struct ProfitNotes {
    let request: ProfitRequest
    let ledger: ProfitLedger
    let clients: ClientDirectory
    let owners: CounterpartyOwners
    let costsMapped: Bool
    let converter: CurrencyConverter
    let built: ProfitRowBuilder.Built

    var lines: [String] {
        var lines: [String] = []
        let dimension = request.dimension
        if !costsMapped { lines.append("acc.costs is not mapped: every cost is 0") }
        if !clients.isMapped && dimension != .product {
            lines.append(dimension == .client ? "crm.clients is not mapped: client names are empty"
                                              : "crm.clients is not mapped: \(dimension.rawValue)s come from the deals, and costs reach none")
        }
        if owners.pendingDecisions > 0 {
            lines.append("\(Self.count(owners.pendingDecisions, "manual decision")) in _sverka_links \(owners.pendingDecisions == 1 ? "is" : "are") "
                         + "not reflected in matches (made after the last 'match clients', or naming records no longer there): 'match clients' applies them")
        }
        if !owners.shared.isEmpty {
            let one = owners.shared.count == 1
            lines.append("\(Self.count(owners.shared.count, "counterparty", "counterparties")) \(one ? "is" : "are") matched to several clients "
                         + "(one company entered twice): what is tied to \(one ? "it" : "them") goes to the client with the lowest id")
        }
        if ledger.revenueWithoutAmount > 0 {
            lines.append("\(Self.count(ledger.revenueWithoutAmount, revenueNoun)) with no amount left out")
        }
        if ledger.costsWithoutAmount > 0 {
            lines.append("\(Self.count(ledger.costsWithoutAmount, "cost")) with no amount left out")
        }
        if let text = unallocated("revenue", ledger.unallocatedRevenue, noun: revenueNoun) { lines.append(text) }
        if let text = unallocated("cost", ledger.unallocatedCost, noun: "cost") { lines.append(text) }
        if request.allocation == .revenue {
            if let note = built.allocationNote {
                lines.append(note)
            } else if built.allocated != 0 {
                lines.append("allocated \(Self.money(built.allocated)) of unallocated cost across the rows in proportion to their revenue")
            }
        }
        if let base = converter.conversion.base, converter.convertedAmounts > 0 {
            let foreign = converter.amountsByCurrency.filter { $0.key != base }.sorted { $0.key < $1.key }
            lines.append("converted to \(base) at acc.rates on each amount's date: "
                         + foreign.map { "\($0.value) in \($0.key)" }.joined(separator: ", "))
        }
        return lines
    }

    /// `won deals`, `invoices`, `payments`: what one revenue item is.
    private var revenueNoun: String {
        switch request.revenue {
        case .deals: return "won deal"
        case .invoices: return "invoice"
        case .payments: return "payment"
        }
    }

    /// `unallocated cost 1,234.50: 12 costs (1,000.00) with no counterparty; 3 costs (234.50) whose …`.
    private func unallocated(_ what: String, _ reasons: [UnallocatedReason: ProfitLedger.Tally], noun: String) -> String? {
        guard !reasons.isEmpty else { return nil }
        let total = reasons.values.reduce(Int64(0)) { $0 &+ $1.units }
        let parts = reasons.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key.phrase < $1.key.phrase }
            .map { "\(Self.count($0.value.count, noun)) (\(Self.money($0.value.units))) \($0.key.phrase)" }
        return "unallocated \(what) \(Self.money(total)): " + parts.joined(separator: "; ")
    }

    static func count(_ number: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }

    static func money(_ units: Int64) -> String {
        ExactDecimal(units: units, scale: 2).formatted(groupingSeparator: ",")
    }
}
