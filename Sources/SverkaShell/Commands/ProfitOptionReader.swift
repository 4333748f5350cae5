import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Reads `profit … with (revenue: "invoices", allocate: "revenue", currency: "RUB")`.
enum ProfitOptionReader {
    static let known = ["revenue", "allocate", "currency"]

    static func read(_ clause: CommandClause?, into request: inout ProfitRequest, session: Session) throws(Diagnostic) {
        guard case .options(let entries)? = clause?.value else { return }
        let reader = AnalyticsOptionReader(command: "profit", known: known, session: session)
        for entry in entries {
            switch try reader.key(entry) {
            case "revenue":
                let word = try reader.choice(entry, among: RevenueSource.allCases.map(\.rawValue))
                request.revenue = RevenueSource(rawValue: word) ?? .deals
            case "allocate":
                let word = try reader.choice(entry, among: CostAllocation.allCases.map(\.rawValue))
                request.allocation = CostAllocation(rawValue: word) ?? .none
            default:
                request.baseCurrency = try currency(entry)
            }
        }
    }

    /// `currency: "RUB"` for this command only (`set currency` for the session); `"none"` for
    /// single-currency mode.
    private static func currency(_ entry: OptionEntry) throws(Diagnostic) -> String? {
        let written = try WrittenOption(entry)
        if written.text.lowercased() == "none" { return nil }
        guard let code = CurrencyCode.normalized(written.text), code.count <= 10, code.allSatisfy({ $0.isLetter }) else {
            throw written.invalid(entry, "a currency code such as \"RUB\", or \"none\"")
        }
        return code
    }
}
