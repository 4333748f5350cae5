import SverkaEngine
import XCTest

final class MaskingTaxIDAndNameTests: XCTestCase {
    // 500100732259 and 773605000380 have valid check digits; 500100732258 has not (checked by hand
    // with the Federal Tax Service's weights).

    func testAnIndividualsTaxIDIsFoundInTextByItsCheckDigits() {
        XCTAssertEqual(Masking.maskText("ИНН 500100732259"), "ИНН **********59")
        XCTAssertEqual(Masking.maskText("773605000380"), "**********80")
        XCTAssertEqual(Masking.maskText("ИНН 500100732258"), "ИНН 500100732258")
        XCTAssertEqual(Masking.maskText("7707083893"), "7707083893")
        XCTAssertEqual(Masking.maskText("000000000000"), "000000000000")
    }

    func testATaxIDColumnKeepsCompaniesAndMasksEveryoneElse() {
        let masking = Masking(level: .on, columnRules: [.taxID])
        XCTAssertEqual(masking.mask(.text("500100732259"), column: 0), .text("**********59"))
        XCTAssertEqual(masking.mask(.text("500100732258"), column: 0), .text("**********58"))
        XCTAssertEqual(masking.mask(.integer(500100732259), column: 0), .text("**********59"))
        XCTAssertEqual(masking.mask(.text("7707083893"), column: 0), .text("7707083893"))
        XCTAssertEqual(masking.mask(.text("77 07 083893"), column: 0), .text("77 07 083893"))
        XCTAssertEqual(masking.mask(.text("0274062111"), column: 0), .text("0274062111"))
        XCTAssertEqual(masking.mask(.text(""), column: 0), .text(""))
    }

    func testPersonsNamesAreMaskedOnlyWhenNamesAreAskedFor() {
        let names = Masking(level: .names, columnRules: [.personName])
        XCTAssertEqual(names.mask(.text("Иванов Иван Иванович"), column: 0), .text("И*** И. И."))
        XCTAssertEqual(names.mask(.text("Сидоров С.С."), column: 0), .text("С*** С.С."))
        XCTAssertEqual(names.mask(.text("Smith J."), column: 0), .text("S*** J."))
        XCTAssertEqual(names.mask(.text("Иванова"), column: 0), .text("И***"))
        XCTAssertEqual(names.mask(.text("  "), column: 0), .text("  "))
        let contacts = Masking(level: .on, columnRules: [.personName])
        XCTAssertEqual(contacts.mask(.text("Иванов Иван Иванович"), column: 0), .text("Иванов Иван Иванович"))
    }

    func testAnOrganisationsNameIsAPersonsAfterAnEntrepreneursForm() {
        let rule = MaskRule.organizationName(personPrefixes: ["ИП", "Индивидуальный предприниматель"])
        let names = Masking(level: .names, columnRules: [rule])
        XCTAssertEqual(names.mask(.text("ИП Сидоров С.С."), column: 0), .text("ИП С*** С.С."))
        XCTAssertEqual(names.mask(.text("Индивидуальный предприниматель Петров Пётр Петрович"), column: 0),
                       .text("Индивидуальный предприниматель П*** П. П."))
        XCTAssertEqual(names.mask(.text("ип Иванов"), column: 0), .text("ип И***"))
        XCTAssertEqual(names.mask(.text("ООО «Ромашка»"), column: 0), .text("ООО «Ромашка»"))
        XCTAssertEqual(names.mask(.text("ИПОТЕКА-ЦЕНТР"), column: 0), .text("ИПОТЕКА-ЦЕНТР"))
        XCTAssertEqual(names.mask(.text("ИП"), column: 0), .text("ИП"))
        XCTAssertEqual(Masking(level: .on, columnRules: [rule]).mask(.text("ИП Сидоров С.С."), column: 0),
                       .text("ИП Сидоров С.С."))
    }

    func testRowsAreMaskedColumnByColumnAndOffMasksNothing() {
        let row: [Value] = [.text("C1"), .text("Иванов Иван"), .text("ivan@example.com"), .decimal(ExactDecimal(units: 100, scale: 2)),
                            .null, .text("500100732259")]
        let rules: [MaskRule?] = [nil, .personName, .email, nil, .phone, .taxID]
        XCTAssertEqual(Masking(level: .names, columnRules: rules).mask(row),
                       [.text("C1"), .text("И*** И."), .text("i***@example.com"), .decimal(ExactDecimal(units: 100, scale: 2)),
                        .null, .text("**********59")])
        XCTAssertEqual(Masking(level: .off, columnRules: rules).mask(row), row)
    }
}
