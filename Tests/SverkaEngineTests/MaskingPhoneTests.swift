import SverkaEngine
import XCTest

final class MaskingPhoneTests: XCTestCase {
    func testRussianNumbersInEveryUsualWritingHaveOneMaskedShape() {
        let mobile = [
            "+7 (916) 123-45-67", "+7 916 123 45 67", "+79161234567", "+7-916-123-45-67", "+7(916)1234567",
            "8 (916) 123-45-67", "8-916-123-45-67", "89161234567", "8 916 1234567", "8916 123-45-67",
            "7 916 123 45 67", "79161234567", "(916) 123-45-67", "916 123-45-67", "916-123-45-67",
            "+7\u{00A0}916\u{00A0}123\u{2011}45\u{2011}67", "8.916.123.45.67",
        ]
        for number in mobile {
            XCTAssertEqual(Masking.maskText(number), "+7 *** ***-**-67", number)
        }
        for number in ["8(495)111-22-33", "(495) 111-22-33", "495 111 22 33", "8 495 111 22 33", "+7 (495) 111-22-33"] {
            XCTAssertEqual(Masking.maskText(number), "+7 *** ***-**-33", number)
        }
    }

    func testOtherCountriesKeepTheirCallingCode() {
        XCTAssertEqual(Masking.maskText("+44 20 7946 0958"), "+44 *** ***-**-58")
        XCTAssertEqual(Masking.maskText("+1 212 555 0100"), "+1 *** ***-**-00")
        XCTAssertEqual(Masking.maskText("+375 29 123-45-67"), "+375 *** ***-**-67")
        XCTAssertEqual(Masking.maskText("+49 30 1234567"), "+49 *** ***-**-67")
        XCTAssertEqual(Masking.maskText("+380441234567"), "+380 *** ***-**-67")
    }

    func testNumbersInsideTextAreFoundOneByOne() {
        XCTAssertEqual(Masking.maskText("тел. 8 916 123-45-67, 8 495 111-22-33"),
                       "тел. +7 *** ***-**-67, +7 *** ***-**-33")
        XCTAssertEqual(Masking.maskText("8 916 123 45 67 8 495 111 22 33"), "+7 *** ***-**-67 +7 *** ***-**-33")
        XCTAssertEqual(Masking.maskText("звонить +7 916 123 45 67 доб. 123"), "звонить +7 *** ***-**-67 доб. 123")
        XCTAssertEqual(Masking.maskText("same phone 79161234567"), "same phone +7 *** ***-**-67")
        XCTAssertEqual(Masking.maskText("(8 916 123-45-67)"), "(+7 *** ***-**-67)")
    }

    func testFiguresThatAreNotPhonesAreKept() {
        for text in ["7701234567", "77 07 083893", "2026-11-30", "2026-11-30 12:45:00", "1 234 567,89", "123-45-67",
                     "40702810900000012345", "80 000 000 000", "100017 100018", "12.50", "1234567.89", "+7 916 12",
                     "9161234567", "deal 100017"] {
            XCTAssertEqual(Masking.maskText(text), text, text)
        }
    }

    func testAPhoneColumnMasksWhateverDigitsItHolds() {
        let masking = Masking(level: .on, columnRules: [.phone])
        XCTAssertEqual(masking.mask(.text("+7 (916) 123-45-67"), column: 0), .text("+7 *** ***-**-67"))
        XCTAssertEqual(masking.mask(.text("9161234567"), column: 0), .text("+7 *** ***-**-67"))
        XCTAssertEqual(masking.mask(.text("123-45-67"), column: 0), .text("***-**-67"))
        XCTAssertEqual(masking.mask(.integer(89161234567), column: 0), .text("+7 *** ***-**-67"))
        XCTAssertEqual(masking.mask(.text("нет"), column: 0), .text("нет"))
    }

    func testWholeNumbersShapedLikePhonesAreMaskedInAnyColumn() {
        let masking = Masking(level: .on)
        XCTAssertEqual(masking.mask(.integer(79161234567), column: 3), .text("+7 *** ***-**-67"))
        XCTAssertEqual(masking.mask(.integer(100017), column: 3), .integer(100017))
        XCTAssertEqual(masking.mask(.integer(7701234567), column: 3), .integer(7701234567))
    }
}
