import SverkaDomain
import XCTest

final class MatchingTaxIDTests: XCTestCase {
    /// Published ИНН of well-known companies, and 12-digit numbers of individuals.
    func testKnownValidNumbers() {
        let known = ["7707083893",  // Сбербанк
                     "7736050003",  // Газпром
                     "7736207543",  // Яндекс
                     "7708004767",  // Лукойл
                     "7702070139",  // ВТБ
                     "500100732259", "773400211252", "0274062111"]
        for number in known {
            XCTAssertEqual(TaxID.check(number), .valid(number), number)
        }
    }

    func testChangedDigitsLengthsAndLettersAreInvalid() {
        let invalid = ["7707083894",   // last digit changed
                       "7707083883",   // a digit before it changed
                       "7070783893",   // two digits swapped
                       "500100732258", "500100732269",  // either check digit of a 12-digit number
                       "770708389", "77070838930", "7707083893000", "123456789012",
                       "77O7083893",   // a letter O for a zero
                       "0000000000", "000000000000", "-707083893"]
        for number in invalid {
            XCTAssertEqual(TaxID.check(number), .invalid(number), number)
        }
    }

    func testSpacesAreIgnoredAndEmptyIsMissing() {
        XCTAssertEqual(TaxID.check(" 77 07 083893 "), .valid("7707083893"))
        XCTAssertEqual(TaxID.check("7707\u{A0}083893"), .valid("7707083893"))
        XCTAssertEqual(TaxID.check(nil), .missing)
        XCTAssertEqual(TaxID.check(""), .missing)
        XCTAssertEqual(TaxID.check("   "), .missing)
        XCTAssertEqual(TaxID.check(" 12345 "), .invalid("12345"))
    }

    /// Numbers made with the test's own check-digit arithmetic pass; the same numbers with the
    /// last digit changed fail.
    func testGeneratedNumbersAgreeWithAnIndependentCheck() {
        var random = MatchingRandom(seed: 7)
        for _ in 0..<2_000 {
            let legal = MatchingTaxIDs.randomLegal(&random)
            XCTAssertEqual(TaxID.check(legal).validDigits, legal)
            XCTAssertNil(TaxID.check(MatchingTaxIDs.broken(legal)).validDigits, legal)
            let person = MatchingTaxIDs.person((0..<10).map { _ in Int.random(in: 0...9, using: &random) })
            if person.allSatisfy({ $0 == "0" }) { continue }
            XCTAssertEqual(TaxID.check(person).validDigits, person)
            XCTAssertNil(TaxID.check(MatchingTaxIDs.broken(person)).validDigits, person)
        }
    }
}
