import SverkaDomain
import XCTest

final class MatchingNormalizerTests: XCTestCase {
    private func key(_ name: String) -> String { NameNormalizer.normalize(name) }

    func testOneCompanyWrittenManyWaysHasOneKey() {
        let variants = [
            "Ромашка", "ООО \"Ромашка\"", "ООО «Ромашка»", "Ромашка ООО", "ооо 'ромашка'", "ООО „Ромашка“",
            "Общество с ограниченной ответственностью «Ромашка»", "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ РОМАШКА",
            "OOO Romashka", "Romashka LLC", "Romashka, Ltd.", "«Ромашка», ООО", "  Ромашка  ",
            "OOO \"Pомашка\"",      // Latin O, O, O and P
            "ООО Ромашkа",          // a Latin k
            "Ромашка (ООО)", "ООО-Ромашка", "ЗАО Ромашка", "ПАО «Ромашка»", "Акционерное общество Ромашка",
            "Публичное акционерное общество «Ромашка»",
        ]
        for variant in variants {
            XCTAssertEqual(key(variant), "romashka", variant)
        }
    }

    func testSpellingsAcrossAlphabets() {
        XCTAssertEqual(key("Берёзка"), key("Березка"))
        XCTAssertEqual(key("Берёзка"), key("Berezka"))
        XCTAssertEqual(key("Техносфера"), key("Tekhnosfera"))
        XCTAssertEqual(key("Зайцев"), key("Zaytsev"))
        XCTAssertEqual(key("Щербаков"), key("Shcherbakov"))
        XCTAssertEqual(key("Журавлёв"), key("Zhuravlev"))
        XCTAssertEqual(key("ТД Атлант-Юг"), key("TD Atlant-Yug"))
        XCTAssertEqual(key("Кристалл"), key("Kristal"))
        XCTAssertEqual(key("ООО СЕКТОР"), key("ООО CEKTOP"))   // a word of Latin look-alikes in a Cyrillic name
        XCTAssertNotEqual(key("СЕКТОР"), key("CEKTOP"), "an all-Latin name is read as Latin")
        XCTAssertEqual(key("Звезда-Медиа"), key("Звезда Медиа"))
        XCTAssertEqual(key("Звезда-Медиа"), key("ЗвездаМедиа"))
        XCTAssertEqual(key("Ёлка"), key("Е\u{308}лка"))        // a decomposed ё
    }

    func testDifferentCompaniesStayDifferent() {
        XCTAssertNotEqual(key("Ромашка-1"), key("Ромашка-2"))
        XCTAssertNotEqual(key("Ромашка-11"), key("Ромашка-1"))
        XCTAssertNotEqual(key("Альфа-Трейд"), key("Альфа-Транс"))
        XCTAssertNotEqual(key("ТК Альфа"), key("СК Альфа"))
        XCTAssertEqual(key("ООО"), "o", "a name that is only a form keeps it")
        XCTAssertEqual(key(""), "")
    }

    func testEntrepreneursAreRecognised() {
        for name in ["ИП Иванов И.П.", "Иванов Иван Петрович ИП", "Индивидуальный предприниматель Иванов Иван Петрович",
                     "IP Ivanov I.", "Иванов И. П. (ИП)"] {
            XCTAssertTrue(NameNormalizer.analyze(name).isPerson, name)
        }
        for name in ["Иванов И.П.", "Альфа М", "ООО Иванов и партнёры", "ИП"] {
            XCTAssertFalse(NameNormalizer.analyze(name).isPerson, name)
        }
        XCTAssertEqual(NameNormalizer.analyze("ИП Иванов И.П.").words, ["ivanov", "i", "p"])
    }

    func testSimilarity() {
        func score(_ a: String, _ b: String) -> Double {
            NameSimilarity.score(NameNormalizer.analyze(a), NameNormalizer.analyze(b))
        }
        XCTAssertEqual(score("ООО Ромашка", "Ромашка"), 1)
        XCTAssertEqual(score("Ромашка", "Ромашко"), 0.95, accuracy: 0.001)
        XCTAssertLessThan(score("Альфа-Трейд", "Альфа-Транс"), 0.9)
        XCTAssertLessThan(score("Альфа-М", "Альфа-Маркет"), 0.9)
        XCTAssertEqual(score("Квант", "Квант-М"), 0, "an extra word is another name")
        XCTAssertEqual(score("Ромашка-1", "Ромашка-2"), 0)
        XCTAssertEqual(score("ИП Иванов И.П.", "Индивидуальный предприниматель Иванов Иван Петрович"), 0.95, accuracy: 0.001)
        XCTAssertEqual(score("IP Ivanov I.", "ИП Иванов Иван Петрович"), 0.925, accuracy: 0.001)
        XCTAssertEqual(score("ИП Иванов Игорь Петрович", "ИП Иванов Иван Петрович"), 0)
        XCTAssertEqual(score("ИП Иванов И.П.", "ИП Петров И.П."), 0)
        XCTAssertEqual(score("ИП Иванова И.П.", "ИП Иванов И.П."), 0)
        XCTAssertEqual(score("ИП Лебедев А.И.", "ИП Лебедев Андрей Юрьевич"), 0, "И. is not Ю (both 'i…' in Latin)")
        XCTAssertEqual(score("ИП Лебедев А.Ю.", "ИП Лебедев Андрей Юрьевич"), 0.95, accuracy: 0.001)
        XCTAssertEqual(score("IP Lebedev Yu.", "ИП Лебедев Юрий Андреевич"), 0.925, accuracy: 0.001)
        XCTAssertEqual(score("ИП Фёдоров Я.П.", "ИП ФЁДОРОВ ЯРОСЛАВ ПАВЛОВИЧ"), 0.95, accuracy: 0.001)
        XCTAssertLessThan(score("Зотуми", "Зотухоми"), 0.9, "two letters dropped from eight")
    }

    /// Published Jaro–Winkler values (Winkler 1990).
    func testJaroWinklerKnownValues() {
        func jw(_ a: String, _ b: String) -> Double { NameSimilarity.jaroWinkler(Array(a.utf8), Array(b.utf8)) }
        XCTAssertEqual(jw("MARTHA", "MARHTA"), 0.961, accuracy: 0.001)
        XCTAssertEqual(jw("DWAYNE", "DUANE"), 0.840, accuracy: 0.001)
        XCTAssertEqual(jw("DIXON", "DICKSONX"), 0.813, accuracy: 0.001)
        XCTAssertEqual(jw("", ""), 1)
        XCTAssertEqual(jw("ABC", ""), 0)
    }
}
