import SverkaEngine
import SverkaSyntax

/// One row of acc.rates: from `date` on, one unit of `currency` is worth `rate` units of the base
/// currency (until a later row for the same currency).
public struct ExchangeRate: Sendable, Hashable {
    public var date: CalendarDate
    /// The currency code as `CurrencyCode.normalized` writes it (`USD`).
    public var currency: String
    /// Base units per one unit of the currency; always positive.
    public var rate: ExactDecimal

    public init(date: CalendarDate, currency: String, rate: ExactDecimal) {
        self.date = date
        self.currency = currency
        self.rate = rate
    }
}

/// Exchange rates by currency, for looking up the rate in effect on a day: the latest rate dated
/// on or before it (a rate published on Friday holds over the weekend). There is no rate before a
/// currency's first row.
public struct ExchangeRates: Sendable {
    /// Per currency code, (day, rate in millionths) sorted by day, one entry per day.
    private let table: [String: [(date: CalendarDate, millionths: Int64)]]

    /// Every rate must be positive, and two rows for one currency and day must agree.
    public init(_ rates: [ExchangeRate]) throws(Diagnostic) {
        var byCurrency: [String: [(date: CalendarDate, millionths: Int64)]] = [:]
        for entry in rates {
            // More places than six are rounded, as a decimal(6) column would hold them.
            guard let millionths = entry.rate.rescaled(to: Self.rateScale)?.units else {
                throw Diagnostic("the rate \(entry.rate) for \(entry.currency) on \(entry.date.iso) is too large to use")
            }
            guard millionths > 0 else {
                throw Diagnostic("acc.rates gives \(entry.currency) a rate of \(entry.rate) on \(entry.date.iso); a rate must be positive")
                    .hint("a rate is how many units of the base currency one unit of the currency buys")
                    .hint("find such rows: from acc.rates | where rate <= 0")
            }
            byCurrency[entry.currency, default: []].append((entry.date, millionths))
        }
        var table: [String: [(date: CalendarDate, millionths: Int64)]] = [:]
        for (currency, entries) in byCurrency {
            let sorted = entries.sorted { $0.date < $1.date }
            var unique: [(date: CalendarDate, millionths: Int64)] = []
            for entry in sorted {
                if let last = unique.last, last.date == entry.date {
                    guard last.millionths == entry.millionths else {
                        throw Diagnostic("acc.rates has two different rates for \(currency) on \(entry.date.iso): "
                                         + "\(Self.text(last.millionths)) and \(Self.text(entry.millionths))")
                            .hint("keep one rate per currency and day: from acc.rates | where currency == \"\(currency)\" and date == @\(entry.date.iso)")
                    }
                    continue
                }
                unique.append(entry)
            }
            table[currency] = unique
        }
        self.table = table
    }

    /// No rates at all (acc.rates not mapped, or empty).
    public static let none = ExchangeRates(table: [:])

    private init(table: [String: [(date: CalendarDate, millionths: Int64)]]) {
        self.table = table
    }

    /// Rates are kept to six places, as acc.rates types them (`decimal(6)`).
    public static let rateScale = 6

    /// The currencies that have at least one rate, sorted.
    public var currencies: [String] { table.keys.sorted() }

    public var isEmpty: Bool { table.isEmpty }

    /// The rate in effect on `day`: the latest one dated on or before it; nil before the first.
    public func rate(_ currency: String, on day: CalendarDate) -> ExactDecimal? {
        millionths(currency, on: day).map { ExactDecimal(units: $0, scale: Self.rateScale) }
    }

    /// The first day a currency has a rate for.
    public func firstDate(_ currency: String) -> CalendarDate? { table[currency]?.first?.date }

    /// The rate in millionths of a base unit, found by binary search.
    func millionths(_ currency: String, on day: CalendarDate) -> Int64? {
        guard let entries = table[currency] else { return nil }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].date <= day { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : entries[low - 1].millionths
    }

    private static func text(_ millionths: Int64) -> String {
        ExactDecimal(units: millionths, scale: rateScale).description
    }
}
