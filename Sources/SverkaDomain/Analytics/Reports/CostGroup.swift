import Foundation

/// The lines of the P&L a cost goes to, by its account in the Russian chart of accounts
/// (План счетов, приказ Минфина № 94н), as the income statement (form 2) groups them:
///
/// | group | accounts | form 2 line |
/// |---|---|---|
/// | cost of sales | 20 main production, 23 auxiliary, 25 production overheads, 28 defects, 29 service production, 90.02 cost of sales | себестоимость продаж (2120) |
/// | selling | 44 selling expenses, 90.07 | коммерческие расходы (2210) |
/// | administrative | 26 general business expenses, 90.08 | управленческие расходы (2220) |
/// | other | everything else: 91.02 other expenses, no account, any other | прочие расходы (2350) |
///
/// Sub-accounts go with their account (`20.01`, `44.1`, `90.02.1`); a sub-account number is
/// compared as a number, so `90.2` (a spreadsheet's 90.02 that lost its zero) is 90.02 too.
/// `.`, `,`, `-` and `/` all separate the parts.
public enum CostGroup: String, Sendable, Hashable, CaseIterable {
    case costOfSales = "cost_of_sales"
    case selling = "selling_costs"
    case administrative = "admin_costs"
    case other = "other_costs"

    /// Account, then sub-account when the rule needs one.
    private static let rules: [(account: Int, subaccount: Int?, group: CostGroup)] = [
        (20, nil, .costOfSales), (23, nil, .costOfSales), (25, nil, .costOfSales), (28, nil, .costOfSales),
        (29, nil, .costOfSales), (90, 2, .costOfSales),
        (44, nil, .selling), (90, 7, .selling),
        (26, nil, .administrative), (90, 8, .administrative),
    ]

    /// The group of a cost booked to `account` (as the data writes it; nil or blank: none).
    public static func of(account: String?) -> CostGroup {
        guard let account else { return .other }
        let parts = account.split { ".,-/".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first.flatMap({ Int($0) }) else { return .other }
        let second = parts.count > 1 ? Int(parts[1]) : nil
        for rule in rules where rule.account == first {
            guard let subaccount = rule.subaccount else { return rule.group }
            if second == subaccount { return rule.group }
        }
        return .other
    }
}
