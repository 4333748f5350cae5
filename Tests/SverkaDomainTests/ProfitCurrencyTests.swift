import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// `CurrencyConversion`: exact per-amount conversion at the rate in effect on the amount's date,
/// and errors that name every currency that cannot be converted.
final class ProfitCurrencyTests: XCTestCase {
    private func day(_ text: String) -> CalendarDate { CalendarDate(iso: Substring(text))! }

    private func rates(_ rows: [(String, String, String)]) throws -> ExchangeRates {
        try ExchangeRates(rows.map { ExchangeRate(date: day($0.0), currency: $0.1, rate: ExactDecimal(parsing: Substring($0.2))!) })
    }

    func testMultiplicationRoundsHalfAwayFromZero() {
        // 1.00 × 92.125 = 92.125 → 92.13; −1.00 → −92.13; 0.01 × 92.124999 = 0.92124999 → 0.92.
        XCTAssertEqual(CurrencyConversion.multiply(100, byMillionths: 92_125_000), 9213)
        XCTAssertEqual(CurrencyConversion.multiply(-100, byMillionths: 92_125_000), -9213)
        XCTAssertEqual(CurrencyConversion.multiply(1, byMillionths: 92_124_999), 92)
        XCTAssertEqual(CurrencyConversion.multiply(1, byMillionths: 500_000), 1)    // 0.005 → 0.01
        XCTAssertEqual(CurrencyConversion.multiply(1, byMillionths: 499_999), 0)
        XCTAssertEqual(CurrencyConversion.multiply(-1, byMillionths: 500_000), -1)
    }

    /// Products past 64 bits are computed exactly; a result past them is refused, not wrapped.
    func testHugeAmountsAreExactOrRefused() {
        // 90 trillion kopecks × 100.5 = 9.045e15 kopecks: the product (9.045e21 millionths) needs 128 bits.
        XCTAssertEqual(CurrencyConversion.multiply(90_000_000_000_000_000, byMillionths: 100_500_000), 9_045_000_000_000_000_000)
        XCTAssertNil(CurrencyConversion.multiply(Int64.max, byMillionths: 2_000_000))
    }

    func testTheRateInEffectIsTheLatestOnOrBeforeTheDay() throws {
        let table = try rates([("2026-01-09", "USD", "90.5"), ("2026-01-12", "USD", "91"), ("2026-01-05", "USD", "89")])
        XCTAssertNil(table.rate("USD", on: day("2026-01-04")))
        XCTAssertEqual(table.rate("USD", on: day("2026-01-05")), ExactDecimal(units: 89_000_000, scale: 6))
        XCTAssertEqual(table.rate("USD", on: day("2026-01-11")), ExactDecimal(units: 90_500_000, scale: 6))  // a Sunday: Friday's
        XCTAssertEqual(table.rate("USD", on: day("2026-12-31")), ExactDecimal(units: 91_000_000, scale: 6))
        XCTAssertNil(table.rate("EUR", on: day("2026-12-31")))
    }

    func testRatesMustBePositiveAndAgreeOnADay() throws {
        XCTAssertThrowsError(try rates([("2026-01-05", "USD", "0")])) { error in
            XCTAssertTrue("\(error)".contains("must be positive"), "\(error)")
        }
        XCTAssertThrowsError(try rates([("2026-01-05", "USD", "90"), ("2026-01-05", "USD", "91")])) { error in
            XCTAssertTrue("\(error)".contains("two different rates for USD on 2026-01-05"), "\(error)")
        }
        XCTAssertNoThrow(try rates([("2026-01-05", "USD", "90"), ("2026-01-05", "USD", "90.000000")]))
    }

    func testConverterConvertsEachAmountOnItsOwnDate() throws {
        let conversion = CurrencyConversion(base: "rub", rates: try rates([("2026-01-05", "USD", "90"), ("2026-01-06", "USD", "100")]))
        var converter = conversion.converter()
        var total: Int64 = 0
        total += converter.convert(units: 1_000, currency: "RUB", on: nil)            // base: no date needed
        total += converter.convert(units: 2_000, currency: nil, on: nil)              // no currency: base
        total += converter.convert(units: 100, currency: " usd ", on: self.day("2026-01-05"))  // 1 × 90
        total += converter.convert(units: 100, currency: "USD", on: self.day("2026-01-07"))    // 1 × 100
        XCTAssertEqual(total, 1_000 + 2_000 + 9_000 + 10_000)
        XCTAssertEqual(converter.convertedAmounts, 2)
        XCTAssertEqual(converter.currencies, ["RUB", "USD"])
        XCTAssertNoThrow(try converter.check())
    }

    /// Per amount, then summed: 3 × 0.01 USD at 0.5 each rounds to 0.01 each, 0.03 — not
    /// 0.03 × 0.5 = 0.015 → 0.02 on the sum.
    func testRoundingIsPerAmount() throws {
        var converter = CurrencyConversion(base: "RUB", rates: try rates([("2026-01-01", "USD", "0.5")])).converter()
        let total = (0..<3).reduce(Int64(0)) { sum, _ in sum + converter.convert(units: 1, currency: "USD", on: self.day("2026-02-01")) }
        XCTAssertEqual(total, 3)
    }

    func testMissingRatesAreNamedPerCurrency() throws {
        var converter = CurrencyConversion(base: "RUB", rates: try rates([("2026-03-01", "USD", "90")])).converter()
        _ = converter.convert(units: 100, currency: "USD", on: day("2026-02-15"))
        _ = converter.convert(units: 100, currency: "USD", on: day("2026-02-10"))
        _ = converter.convert(units: 100, currency: "USD", on: day("2026-03-02"))
        _ = converter.convert(units: 100, currency: "EUR", on: day("2026-03-02"))
        _ = converter.convert(units: 100, currency: "CNY", on: nil)
        XCTAssertThrowsError(try converter.check()) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message,
                           "no exchange rate to RUB for CNY (1 amount with no date), EUR (1 amount from 2026-03-02), USD (2 amounts from 2026-02-10)")
            XCTAssertTrue(diagnostic?.hints.contains("USD's first rate in acc.rates is dated 2026-03-01; a rate applies from its date on") ?? false)
            XCTAssertTrue(diagnostic?.hints.contains("acc.rates has no rates for EUR") ?? false)
        }
    }

    func testSeveralCurrenciesWithoutABaseAreAnError() throws {
        var converter = CurrencyConversion(base: nil, ratesMapped: false).converter()
        for _ in 0..<3 { _ = converter.convert(units: 100, currency: "RUB", on: nil) }
        XCTAssertNoThrow(try converter.check())
        _ = converter.convert(units: 100, currency: "usd", on: nil)
        XCTAssertThrowsError(try converter.check()) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message,
                           "the amounts are in several currencies (RUB, USD) and no base currency is set, so they cannot be added up")
            XCTAssertEqual(diagnostic?.hints.first, "set currency RUB converts every amount to RUB at the rates in acc.rates, on each amount's date")
            XCTAssertTrue(diagnostic?.hints.last?.contains("acc.rates is not mapped") ?? false)
        }
    }

    func testSingleCurrencyModeAddsAmountsAsTheyAre() throws {
        var converter = CurrencyConversion(base: nil).converter()
        XCTAssertEqual(converter.convert(units: 123, currency: "USD", on: nil), 123)
        XCTAssertEqual(converter.convert(units: 7, currency: nil, on: nil), 7)
        XCTAssertNoThrow(try converter.check())
        XCTAssertEqual(converter.convertedAmounts, 0)
    }
}
