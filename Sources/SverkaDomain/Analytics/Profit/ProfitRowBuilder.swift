import SverkaEngine
import SverkaSyntax

/// Turns the ledger into the table's rows: one per key, largest revenue first (equal revenue:
/// keys in natural order), the unallocated row last; the unallocated cost spread by revenue when
/// asked; then margins, shares and ABC classes.
struct ProfitRowBuilder {
    let dimension: ProfitDimension
    let allocation: CostAllocation
    let clients: ClientDirectory

    struct Entry {
        var key: String?
        var revenue: Int64
        var cost: Int64
    }

    struct Built {
        var rows: [ProfitRow]
        /// How much of the unallocated cost was spread across the rows.
        var allocated: Int64
        /// Why allocation could not be done, when it was asked for and could not.
        var allocationNote: String?
        var totalRevenue: Int64
        var totalCost: Int64
    }

    func build(_ ledger: ProfitLedger) throws(Diagnostic) -> Built {
        var entries = ledger.byKey.map { Entry(key: $0.key, revenue: $0.value.revenue, cost: $0.value.cost) }
        entries.sort { $0.revenue != $1.revenue ? $0.revenue > $1.revenue : NaturalOrder.precedes($0.key ?? "", $1.key ?? "") }
        if ledger.hasUnallocated {
            entries.append(Entry(key: nil, revenue: ledger.unallocated.revenue, cost: ledger.unallocated.cost))
        }
        var allocated: Int64 = 0
        var note: String?
        if allocation == .revenue, let last = entries.last, last.key == nil, last.cost != 0 {
            // The unallocated row's own revenue takes its share too: overheads in proportion to
            // revenue everywhere, wherever the revenue could not be placed.
            if let shares = ProportionalAllocation.allocate(last.cost, weights: entries.map(\.revenue)) {
                allocated = last.cost - shares[entries.count - 1]
                for index in entries.indices.dropLast() { entries[index].cost = try Self.sum(entries[index].cost, shares[index]) }
                entries[entries.count - 1].cost = shares[entries.count - 1]
                if entries[entries.count - 1].revenue == 0 && entries[entries.count - 1].cost == 0 { entries.removeLast() }
            } else {
                note = "nothing was allocated: no row has a positive revenue to allocate by"
            }
        }
        let keyed = entries.filter { $0.key != nil }
        let classes = ABCClassification.classify(keyed.map(\.revenue))
        var total: Int64 = 0
        var totalCost: Int64 = 0
        for entry in entries {
            total = try Self.sum(total, entry.revenue)
            totalCost = try Self.sum(totalCost, entry.cost)
        }
        _ = try Self.difference(total, totalCost)
        var rows: [ProfitRow] = []
        rows.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let margin = try Self.difference(entry.revenue, entry.cost)
            rows.append(ProfitRow(key: entry.key, name: name(entry.key),
                                  revenue: ExactDecimal(units: entry.revenue, scale: 2), cost: ExactDecimal(units: entry.cost, scale: 2),
                                  marginPercent: Self.percent(margin, of: entry.revenue),
                                  revenueShare: Self.percent(entry.revenue, of: total),
                                  abc: index < classes.count && entry.key != nil ? classes[index] : nil))
        }
        return Built(rows: rows, allocated: allocated, allocationNote: note, totalRevenue: total, totalCost: totalCost)
    }

    private func name(_ key: String?) -> String? {
        guard let key else { return ProfitRow.unallocatedName }
        return dimension == .client ? clients[key]?.name : key
    }

    /// `part / whole` in percent, rounded half away from zero to two places (computed on 128-bit
    /// integers, then shown as the nearest double); nil when the whole is zero.
    static func percent(_ part: Int64, of whole: Int64) -> Double? {
        guard whole != 0 else { return nil }
        let negative = (part < 0) != (whole < 0)
        let divisor = whole.magnitude
        let product = part.magnitude.multipliedFullWidth(by: 10_000)
        guard product.high < divisor else { return negative ? -.infinity : .infinity }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let rounded = remainder >= divisor - remainder ? quotient + 1 : quotient
        let value = Double(rounded) / 100
        return negative ? -value : value
    }

    private static func sum(_ a: Int64, _ b: Int64) throws(Diagnostic) -> Int64 {
        let (result, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw tooLarge }
        return result
    }

    private static func difference(_ a: Int64, _ b: Int64) throws(Diagnostic) -> Int64 {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        guard !overflow else { throw tooLarge }
        return result
    }

    private static var tooLarge: Diagnostic {
        Diagnostic("the amounts add up to more than sverka can hold exactly (about 92 quadrillion)")
    }
}
