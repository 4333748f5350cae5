import SverkaEngine
import SverkaSyntax

/// Brings money in several currencies to one base currency, exactly — the one place the
/// analytics commands convert currencies.
///
/// - Without a base currency (`base == nil`, the default) amounts are added up as they are, and
///   a run that meets more than one currency is an error naming them: roubles and dollars are
///   never summed silently.
/// - With a base (`set currency RUB`), an amount in another currency is multiplied by the rate in
///   effect on the amount's own date (`ExchangeRates`: the latest rate in acc.rates dated on or
///   before it), one amount at a time, in integer arithmetic, rounded half away from zero to
///   the amount's places; the converted amounts are then summed. An amount with no currency is in
///   the base currency. An amount whose currency has no rate on its date (or which has no date)
///   makes the run an error that names every such currency.
///
/// A run converts through a `CurrencyConverter`, which collects what it could not convert, so
/// that one error names every currency that lacks rates:
///
///     let conversion = try CurrencyConversion.reading(workspace, base: "RUB")
///     var converter = conversion.converter()
///     for deal in deals { total += converter.convert(units: deal.amount, currency: deal.currency, on: deal.date) }
///     try converter.check()
public struct CurrencyConversion: Sendable {
    /// The currency every amount is brought to (`RUB`); nil in single-currency mode.
    public let base: String?
    public let rates: ExchangeRates
    /// Whether acc.rates is mapped, for the hints of the errors.
    public let ratesMapped: Bool

    public init(base: String?, rates: ExchangeRates = .none, ratesMapped: Bool = true) {
        self.base = CurrencyCode.normalized(base)
        self.rates = rates
        self.ratesMapped = ratesMapped
    }

    /// The role the rates are read from.
    public static let ratesRole = "acc.rates"

    /// The conversion to `base`, with the rates read from acc.rates (only when there is a base,
    /// and when the role is mapped: without it every foreign amount will lack its rate).
    public static func reading(_ workspace: Workspace, base: String?) throws(Diagnostic) -> CurrencyConversion {
        let mapped = workspace.catalog.schema(of: ratesRole) != nil
        guard CurrencyCode.normalized(base) != nil, mapped else {
            return CurrencyConversion(base: base, rates: .none, ratesMapped: mapped)
        }
        let runner = PipelineRunner(workspace: workspace, variables: [:])
        let query = try runner.compile("from acc.rates | select date, currency, rate", name: ratesRole)
        var entries: [ExchangeRate] = []
        var incomplete = 0
        var unreadable: String?
        try runner.run(query) { row in
            guard case .date(let date) = row[0], case .text(let raw) = row[1], let currency = CurrencyCode.normalized(raw),
                  case .decimal(let rate) = row[2] else {
                if row.contains(.null) { incomplete += 1 } else if unreadable == nil { unreadable = row.map(\.description).joined(separator: ", ") }
                return
            }
            entries.append(ExchangeRate(date: date, currency: currency, rate: rate))
        }
        if incomplete > 0 {
            throw Diagnostic("acc.rates has \(incomplete) row\(incomplete == 1 ? "" : "s") without a date, a currency or a rate")
                .hint("find them: from acc.rates | where date == null or currency == null or rate == null")
        }
        if let unreadable {
            throw Diagnostic("acc.rates has a row that does not read as a date, a currency and a rate: \(unreadable)")
                .hint("'describe acc.rates' shows what the role reads; map it again with the right columns")
        }
        return CurrencyConversion(base: base, rates: try ExchangeRates(entries))
    }

    /// A converter for one run's amounts.
    public func converter() -> CurrencyConverter { CurrencyConverter(conversion: self) }

    /// One amount in the base currency; nil when it cannot be converted (no rate on its day, no
    /// day, or a result too large). In single-currency mode the amount is returned as it is.
    public func convert(_ amount: ExactDecimal, from currency: String?, on day: CalendarDate?) -> ExactDecimal? {
        guard let base, let code = CurrencyCode.normalized(currency), code != base else { return amount }
        guard let day, let rate = rates.millionths(code, on: day),
              let units = Self.multiply(amount.units, byMillionths: rate) else { return nil }
        return ExactDecimal(units: units, scale: amount.scale)
    }

    /// `units × rate / 10⁶`, rounded half away from zero (the rate in millionths of a base unit per
    /// unit). Computed on the 128-bit product, so no amount of money loses precision; nil when
    /// the result does not fit 64 bits.
    public static func multiply(_ units: Int64, byMillionths rate: Int64) -> Int64? {
        precondition(rate >= 0, "rates are positive")
        let divisor: UInt64 = 1_000_000
        let product = units.magnitude.multipliedFullWidth(by: UInt64(rate))
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let (rounded, overflow) = quotient.addingReportingOverflow(remainder >= divisor / 2 ? 1 : 0)
        guard !overflow, rounded <= UInt64(Int64.max) else { return nil }
        return units < 0 ? -Int64(rounded) : Int64(rounded)
    }
}
