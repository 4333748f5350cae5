import SverkaSyntax

/// Why an amount belongs to no row; the report says how much went unallocated for each.
enum UnallocatedReason: Hashable {
    /// Revenue of no known client: no deal's client, and a counterparty matched to none.
    case noClient
    case noProduct
    /// Neither the client nor the deal names a manager (region).
    case noAttribute(ProfitDimension)
    /// A cost with no counterparty.
    case noCounterparty
    /// A cost whose counterparty `matches` ties to no client.
    case unmatchedCounterparty
    /// A cost with a counterparty, and no `matches` table to find its client in.
    case noMatches
    /// A cost tied to a client that names no manager (region).
    case clientWithoutAttribute(ProfitDimension)

    /// How the report words it after a count and amount: "12 costs (1,000.00) with no counterparty".
    var phrase: String {
        switch self {
        case .noClient: return "of no client: no deal's client, and a counterparty matched to none"
        case .noProduct: return "with no product"
        case .noAttribute(let dimension): return "whose client and deal name no \(dimension.rawValue)"
        case .noCounterparty: return "with no counterparty"
        case .unmatchedCounterparty: return "whose counterparty is matched to no client"
        case .noMatches: return "with a counterparty but no matches table to find its client in: 'match clients' makes it"
        case .clientWithoutAttribute(let dimension): return "of a client with no \(dimension.rawValue)"
        }
    }
}

/// Revenue and cost by row key, in minor units of the base currency, as the rows are read; and
/// what went to no key, by reason.
struct ProfitLedger {
    struct Totals {
        var revenue: Int64 = 0
        var cost: Int64 = 0
    }

    /// How many amounts and how much money.
    struct Tally {
        var count = 0
        var units: Int64 = 0
    }

    private(set) var byKey: [String: Totals] = [:]
    private(set) var unallocated = Totals()
    /// Whether anything at all went to no key (a zero amount included).
    private(set) var hasUnallocated = false
    private(set) var unallocatedRevenue: [UnallocatedReason: Tally] = [:]
    private(set) var unallocatedCost: [UnallocatedReason: Tally] = [:]
    private(set) var revenueItems = 0
    private(set) var costItems = 0
    /// Rows with no amount (a value the mapping could not convert), left out.
    var revenueWithoutAmount = 0
    var costsWithoutAmount = 0
    private var overflowed = false

    mutating func addRevenue(_ units: Int64, to key: String?, reason: @autoclosure () -> UnallocatedReason) {
        revenueItems += 1
        guard let key else {
            hasUnallocated = true
            if Self.add(units, to: &unallocated.revenue) { overflowed = true }
            if Self.add(units, tally: &unallocatedRevenue[reason(), default: Tally()]) { overflowed = true }
            return
        }
        if Self.add(units, to: &byKey[key, default: Totals()].revenue) { overflowed = true }
    }

    mutating func addCost(_ units: Int64, to key: String?, reason: @autoclosure () -> UnallocatedReason) {
        costItems += 1
        guard let key else {
            hasUnallocated = true
            if Self.add(units, to: &unallocated.cost) { overflowed = true }
            if Self.add(units, tally: &unallocatedCost[reason(), default: Tally()]) { overflowed = true }
            return
        }
        if Self.add(units, to: &byKey[key, default: Totals()].cost) { overflowed = true }
    }

    /// Throws when a sum went past what 64-bit minor units hold (about 92 quadrillion).
    func checkOverflow() throws(Diagnostic) {
        guard overflowed else { return }
        throw Diagnostic("the amounts add up to more than sverka can hold exactly (about 92 quadrillion)")
            .hint("look for a wrong amount: from crm.deals | sort -amount | take 5")
    }

    /// Adds, and says whether the sum overflowed.
    private static func add(_ units: Int64, to sum: inout Int64) -> Bool {
        let (result, overflow) = sum.addingReportingOverflow(units)
        sum = result
        return overflow
    }

    private static func add(_ units: Int64, tally: inout Tally) -> Bool {
        tally.count += 1
        return add(units, to: &tally.units)
    }
}
