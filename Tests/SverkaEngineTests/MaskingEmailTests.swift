import SverkaEngine
import XCTest

final class MaskingEmailTests: XCTestCase {
    func testAddressesOfEveryShapeKeepTheirFirstCharacterAndDomain() {
        let cases = [
            "ivan@example.com": "i***@example.com",
            "a@b.ru": "a***@b.ru",
            "INFO@ROMASHKA.RU": "I***@ROMASHKA.RU",
            "Ivan.Petrov+crm@mail.example.co.uk": "I***@mail.example.co.uk",
            "first_last-1%x@sub-domain.example.org": "f***@sub-domain.example.org",
            "иван@почта.рф": "и***@почта.рф",
            "79161234567@mail.ru": "7***@mail.ru",
        ]
        for (address, masked) in cases {
            XCTAssertEqual(Masking.maskText(address), masked, address)
        }
    }

    func testAddressesInsideTextAreFoundWhereverTheyStand() {
        XCTAssertEqual(Masking.maskText("пишите ivan@example.com или petr@example.org."),
                       "пишите i***@example.com или p***@example.org.")
        XCTAssertEqual(Masking.maskText("<ivan@example.com>; mailto:olga@example.com"),
                       "<i***@example.com>; mailto:o***@example.com")
        XCTAssertEqual(Masking.maskText("john@example.com,jane@example.com"), "j***@example.com,j***@example.com")
        XCTAssertEqual(Masking.maskText(#"from clients | where email == "ivan@x.ru""#),
                       #"from clients | where email == "i***@x.ru""#)
        XCTAssertEqual(Masking.maskText("same e-mail info@romashka.ru"), "same e-mail i***@romashka.ru")
    }

    func testTextThatOnlyLooksAlikeIsKept() {
        for text in ["@home", "ivan@localhost", "price@5", "a@b.c", "user@domain.123", "ivan@", "@", "a @ b.ru",
                     "x@-bad.ru", "ivan@example..com"] {
            XCTAssertEqual(Masking.maskText(text), text, text)
        }
    }

    func testMaskingTwiceChangesNothingMore() {
        let text = "ivan@example.com, +7 916 123-45-67, ИНН 500100732259"
        let once = Masking.maskText(text)
        XCTAssertNotEqual(once, text)
        XCTAssertEqual(Masking.maskText(once), once)
    }

    func testAnEmailColumnMasksWhatItHoldsEvenWhenItIsNotAnAddress() {
        let masking = Masking(level: .on, columnRules: [.email])
        XCTAssertEqual(masking.mask(.text("ivan@example.com"), column: 0), .text("i***@example.com"))
        XCTAssertEqual(masking.mask(.text("ivan@localhost"), column: 0), .text("i***@localhost"))
        XCTAssertEqual(masking.mask(.text("ivan at mail dot ru"), column: 0), .text("i***"))
        XCTAssertEqual(masking.mask(.text(""), column: 0), .text(""))
        XCTAssertEqual(masking.mask(.null, column: 0), .null)
    }
}
