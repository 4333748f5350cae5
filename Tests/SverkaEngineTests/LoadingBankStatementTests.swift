import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class LoadingBankStatementTests: StructuredLoadingTestCase {
    /// Windows-1251 bytes of `text`, by a table of its own (ASCII, А…я, Ёё and a few signs),
    /// independent of the loader's decoder.
    static func windows1251(_ text: String) -> [UInt8] {
        let signs: [Unicode.Scalar: UInt8] = ["Ё": 0xA8, "ё": 0xB8, "№": 0xB9, "«": 0xAB, "»": 0xBB, "—": 0x97, "\u{00A0}": 0xA0]
        return text.unicodeScalars.map { scalar in
            if scalar.isASCII { return UInt8(scalar.value) }
            if (0x410...0x44F).contains(scalar.value) { return UInt8(scalar.value - 0x410 + 0xC0) }
            guard let byte = signs[scalar] else {
                XCTFail("no Windows-1251 byte for \(scalar) in the test's table")
                return UInt8(ascii: "?")
            }
            return byte
        }
    }

    static let statement = """
        1CClientBankExchange
        ВерсияФормата=1.03
        Кодировка=Windows
        Отправитель=Бухгалтерия предприятия, редакция 3.0
        Получатель=
        ДатаСоздания=30.11.2026
        ДатаНачала=01.11.2026
        ДатаКонца=30.11.2026
        РасчСчет=40702810900000012345
        Документ=Платежное поручение
        СекцияРасчСчет
        РасчСчет=40702810900000012345
        НачальныйОстаток=100000.00
        ВсегоПоступило=150000.50
        ВсегоСписано=12345.67
        КонечныйОстаток=237654.83
        КонецРасчСчет
        СекцияДокумент=Платежное поручение
        Номер=0012
        Дата=05.11.2026
        Сумма=150000.50
        ПлательщикСчет=40702810100000000001
        Плательщик=ИНН 7701234567 ООО «Ромашка»
        ПлательщикИНН=7701234567
        Плательщик1=ООО «Ромашка»
        ПлательщикКПП=770101001
        ПолучательСчет=40702810900000012345
        Получатель=ИНН 5001007322 ООО «Сверка»
        ПолучательИНН=5001007322
        ДатаПоступило=05.11.2026
        НазначениеПлатежа=Оплата по счету № 15 от 01.11.2026, в т.ч. НДС 20% — 25000.08
        КонецДокумента
        СекцияДокумент=Банковский ордер
        Номер=77
        Дата=07.11.2026
        Сумма=12345.67
        ПлательщикСчет=40702810900000012345
        Плательщик1=ООО «Сверка»
        ПлательщикИНН=5001007322
        ПолучательСчет=40702810200000000002
        Получатель1=ИП Ёлкин
        ПолучательИНН=026801234567
        ДатаСписано=07.11.2026
        НазначениениеПлатежа=Комиссия банка
        КонецДокумента
        КонецФайла

        """.replacingOccurrences(of: "\n", with: "\r\n")

    @discardableResult
    private func loadStatement(_ bytes: [UInt8], name: String = "kl_to_1c.txt", table: String = "t",
                               types: [String: LogicalType] = [:], into workspace: Workspace) throws -> LoadReport {
        let path = try write(bytes, to: name)
        return try BankStatementLoader().load(LoadRequest(path: path, table: table, options: LoadOptions(columnTypes: types)),
                                              into: workspace)
    }

    func testWindows1251StatementBecomesOneRowPerDocument() throws {
        let workspace = try Workspace(path: nil)
        let report = try loadStatement(Self.windows1251(Self.statement), into: workspace)
        XCTAssertEqual(report.rows, 2)
        XCTAssertEqual(report.columns, [
            ResultColumn(name: "number", type: .text), ResultColumn(name: "date", type: .date),
            ResultColumn(name: "amount", type: .decimal(scale: 2)), ResultColumn(name: "payer", type: .text),
            ResultColumn(name: "payer_inn", type: .text), ResultColumn(name: "payer_account", type: .text),
            ResultColumn(name: "payee", type: .text), ResultColumn(name: "payee_inn", type: .text),
            ResultColumn(name: "payee_account", type: .text), ResultColumn(name: "purpose", type: .text),
            ResultColumn(name: "document_kind", type: .text), ResultColumn(name: "ПлательщикКПП", type: .text),
            ResultColumn(name: "ДатаПоступило", type: .date), ResultColumn(name: "ДатаСписано", type: .date),
        ])
        XCTAssertEqual(try rows(workspace), [
            [.text("0012"), .text("2026-11-05"), .integer(15_000_050), .text("ООО «Ромашка»"), .text("7701234567"),
             .text("40702810100000000001"), .text("ООО «Сверка»"), .text("5001007322"), .text("40702810900000012345"),
             .text("Оплата по счету № 15 от 01.11.2026, в т.ч. НДС 20% — 25000.08"), .text("Платежное поручение"),
             .text("770101001"), .text("2026-11-05"), .null],
            [.text("77"), .text("2026-11-07"), .integer(1_234_567), .text("ООО «Сверка»"), .text("5001007322"),
             .text("40702810900000012345"), .text("ИП Ёлкин"), .text("026801234567"), .text("40702810200000000002"),
             .text("Комиссия банка"), .text("Банковский ордер"), .null, .null, .text("2026-11-07")],
        ])
        XCTAssertEqual(Array(report.notes.prefix(5)), [
            "format: 1C bank statement (1CClientBankExchange, format 1.03, from Бухгалтерия предприятия, редакция 3.0)",
            "encoding: Windows-1251 (as the file says, Кодировка=Windows)",
            "statement: account 40702810900000012345, 2026-11-01 to 2026-11-30",
            "documents: 2 (Платежное поручение: 1, Банковский ордер: 1)",
            "totals agree with the account section: received 150000.50, paid 12345.67",
        ])
        XCTAssertTrue(report.notes.contains("amount: decimal(2) (1C Сумма)"))
        XCTAssertTrue(report.notes.contains("purpose: text (1C НазначениеПлатежа or НазначениениеПлатежа)"))
        XCTAssertTrue(report.notes.contains("ДатаСписано: date (1C date, dd.MM.yyyy); 1 empty → null"))
        let source = try XCTUnwrap(workspace.catalog.source(of: "t"))
        XCTAssertEqual(source.options, "format: 1c-bank-statement")
        XCTAssertEqual(source.contentHash.count, 64)
    }

    func testUTF8AndCP866AreReadToo() throws {
        let workspace = try Workspace(path: nil)
        let utf8 = try loadStatement(Array(Self.statement.utf8), into: workspace)
        XCTAssertEqual(utf8.notes[1], "encoding: UTF-8")
        let first = try rows(workspace)
        // CP866: А…п at 0x80…0xAF, р…я at 0xE0…0xEF, Ё 0xF0, ё 0xF1, № 0xFC.
        let dos = Self.statement.replacingOccurrences(of: "Кодировка=Windows", with: "Кодировка=DOS")
            .replacingOccurrences(of: "«", with: "\"").replacingOccurrences(of: "»", with: "\"")
            .replacingOccurrences(of: "—", with: "-")
        let bytes = dos.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0..<0x80: return UInt8(scalar.value)
            case 0x410...0x43F: return UInt8(scalar.value - 0x410 + 0x80)
            case 0x440...0x44F: return UInt8(scalar.value - 0x440 + 0xE0)
            case 0x401: return 0xF0
            case 0x451: return 0xF1
            default: return 0xFC  // №
            }
        }
        let cp866 = try loadStatement(bytes, into: workspace)
        XCTAssertEqual(cp866.notes[1], "encoding: CP866 (as the file says, Кодировка=DOS)")
        XCTAssertEqual(try rows(workspace, "SELECT payee, purpose FROM t").last,
                       [.text("ИП Ёлкин"), .text("Комиссия банка")])
        XCTAssertEqual(first.count, 2)
    }

    /// The amounts of a long statement sum to the total computed here in integer kopecks.
    func testSumOfAmountsEqualsTheIndependentTotal() throws {
        var state: UInt64 = 1_103_515_245
        var expected: Int64 = 0
        var text = "1CClientBankExchange\r\nВерсияФормата=1.03\r\nКодировка=Windows\r\n"
        for number in 1...3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let cents = Int64(state >> 30) % 1_000_000_000 + 1
            expected += cents
            // 1C writes a point and two places; some banks write a comma or drop zero kopecks.
            let amount = number % 10 == 0 && cents % 100 == 0 ? "\(cents / 100)"
                : "\(cents / 100)\(number % 3 == 0 ? "," : ".")\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
            text += "СекцияДокумент=Платежное поручение\r\nНомер=\(number)\r\nДата=\(10 + number % 18).11.2026\r\n"
            text += "Сумма=\(amount)\r\nПлательщикИНН=7701234567\r\nКонецДокумента\r\n"
        }
        text += "КонецФайла\r\n"
        let workspace = try Workspace(path: nil)
        let report = try loadStatement(Self.windows1251(text), into: workspace)
        XCTAssertEqual(report.rows, 3000)
        XCTAssertEqual(try workspace.database.scalar("SELECT sum(amount) FROM t"), .integer(expected))
        XCTAssertEqual(try workspace.database.scalar("SELECT count(DISTINCT date) FROM t"), .integer(18))
    }

    func testRecognisedByItsFirstLine() throws {
        let statement = try write(Self.windows1251(Self.statement), to: "kl_to_1c.txt")
        XCTAssertEqual(StructuredFormat.detect(path: statement), .bankStatement)
        XCTAssertEqual(StructuredFormat.detect(path: try write("\u{FEFF}1CClientBankExchange\r\nX=1\r\n", to: "bank.dat")),
                       .bankStatement)
        XCTAssertEqual(StructuredFormat.detect(path: try write("[{\"a\": 1}]", to: "a.dat")), .json)
        XCTAssertEqual(StructuredFormat.detect(path: try write("a,b\n1,2\n", to: "a.txt")), nil)
        XCTAssertEqual(StructuredFormat.detect(path: try write("{}", to: "a.csv")), nil)
        XCTAssertEqual(StructuredFormat.detect(path: "book.xlsx", prefix: []), .xlsx)
        XCTAssertEqual(StructuredFormat.detect(path: "events.jsonl", prefix: []), .json)
    }
}
