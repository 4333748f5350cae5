import SverkaEngine
import SverkaSyntax

/// Converts the amounts of one run to the base currency (see `CurrencyConversion`) and remembers
/// what it could not convert, so that `check()` names every currency that lacks a rate, not just
/// the first one met.
public struct CurrencyConverter {
    public let conversion: CurrencyConversion
    /// Amounts met per currency code; amounts with no currency are not counted.
    public private(set) var amountsByCurrency: [String: Int] = [:]
    /// Amounts that were in another currency than the base and were converted.
    public private(set) var convertedAmounts = 0
    private var gaps: [String: Gap] = [:]
    private var tooLarge: (currency: String, day: CalendarDate)?
    /// The last spelling read and its code: rows mostly repeat one currency.
    private var lastSpelling: (raw: String, code: String?)?

    /// What is missing for one currency: amounts with no rate on or before their date, or with no date.
    private struct Gap {
        var amounts = 0
        var earliest: CalendarDate?
        var undated = 0
    }

    init(conversion: CurrencyConversion) {
        self.conversion = conversion
    }

    /// `units` minor units in `currency` (nil or blank: the base currency), dated `day`, as minor
    /// units of the base currency with the same places. An amount that cannot be converted is
    /// recorded for `check()` and counts as 0. The day is only read for amounts that need a rate.
    public mutating func convert(units: Int64, currency raw: String?, on day: @autoclosure () -> CalendarDate?) -> Int64 {
        guard let raw, let code = code(raw) else { return units }
        amountsByCurrency[code, default: 0] += 1
        guard let base = conversion.base, code != base else { return units }
        guard let day = day() else {
            gaps[code, default: Gap()].undated += 1
            return 0
        }
        guard let rate = conversion.rates.millionths(code, on: day) else {
            gaps[code, default: Gap()].amounts += 1
            if let earliest = gaps[code]?.earliest, earliest <= day { return 0 }
            gaps[code]?.earliest = day
            return 0
        }
        guard let converted = CurrencyConversion.multiply(units, byMillionths: rate) else {
            tooLarge = tooLarge ?? (code, day)
            return 0
        }
        convertedAmounts += 1
        return converted
    }

    /// The currencies met, sorted.
    public var currencies: [String] { amountsByCurrency.keys.sorted() }

    /// Throws when the amounts cannot be added up: several currencies with no base currency, or
    /// amounts whose currency has no rate on their date.
    public func check() throws(Diagnostic) {
        guard let base = conversion.base else {
            guard amountsByCurrency.count > 1 else { return }
            throw severalCurrencies()
        }
        if !gaps.isEmpty { throw missingRates(base: base) }
        if let tooLarge {
            throw Diagnostic("an amount in \(tooLarge.currency) dated \(tooLarge.day.iso) is too large to convert to \(base)")
        }
    }

    private mutating func code(_ raw: String) -> String? {
        if let last = lastSpelling, last.raw == raw { return last.code }
        let code = CurrencyCode.normalized(raw)
        lastSpelling = (raw, code)
        return code
    }

    // MARK: - Errors

    private func severalCurrencies() -> Diagnostic {
        let codes = currencies
        let usual = amountsByCurrency.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? codes[0]
        var diagnostic = Diagnostic("the amounts are in several currencies (\(CurrencyCode.list(codes))) and no base currency is set, "
                                    + "so they cannot be added up")
            .hint("set currency \(usual) converts every amount to \(usual) at the rates in acc.rates, on each amount's date")
        if !conversion.ratesMapped {
            diagnostic = diagnostic.hint(Self.ratesHint)
        }
        return diagnostic
    }

    private func missingRates(base: String) -> Diagnostic {
        let lacking = gaps.keys.sorted()
        let parts = lacking.map { code -> String in
            let gap = gaps[code] ?? Gap()
            var what: [String] = []
            if gap.amounts > 0, let earliest = gap.earliest {
                what.append("\(Self.count(gap.amounts, "amount")) from \(earliest.iso)")
            }
            if gap.undated > 0 { what.append("\(Self.count(gap.undated, "amount")) with no date") }
            return "\(code) (\(what.joined(separator: ", ")))"
        }
        var diagnostic = Diagnostic("no exchange rate to \(base) for " + parts.joined(separator: ", "))
        guard conversion.ratesMapped else { return diagnostic.hint(Self.ratesHint) }
        for code in lacking {
            if let first = conversion.rates.firstDate(code) {
                diagnostic = diagnostic.hint("\(code)'s first rate in acc.rates is dated \(first.iso); a rate applies from its date on")
            } else {
                diagnostic = diagnostic.hint("acc.rates has no rates for \(code)")
            }
        }
        if gaps.values.contains(where: { $0.undated > 0 }) {
            diagnostic = diagnostic.hint("an amount with no date cannot be given a rate: fill in its date, or leave it out")
        }
        return diagnostic
    }

    private static let ratesHint = "acc.rates is not mapped: load a table of rates (date, currency, rate: base units per unit) and map it as acc.rates"

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
