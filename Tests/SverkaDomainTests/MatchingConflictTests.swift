import SverkaDomain
import XCTest

/// Which link stands when candidates compete, and which are reported instead.
final class MatchingConflictTests: XCTestCase {
    private let romashka = "7707083893"
    private let vector = "7736050003"
    private let alpha = "7736207543"

    private func client(_ id: String, _ name: String, tax: String? = nil, email: String? = nil,
                        phone: String? = nil) -> PartyRecord {
        PartyRecord(id: id, name: name, taxID: tax, email: email, phone: phone)
    }

    private func pairs(_ result: MatchResult) -> [String] {
        result.links.map { "\($0.clientID)→\($0.counterpartyID) \($0.method.rawValue)" }
    }

    func testTaxIDFirstThenNameThenNothing() {
        let result = ClientMatcher.match(
            clients: [client("1", "Совсем другое имя", tax: romashka), client("2", "ООО «Вектор»"),
                      client("3", "Альфа", tax: alpha), client("4", "Неизвестно")],
            counterparties: [client("K1", "Ромашка ООО", tax: romashka), client("K2", "Вектор", tax: vector),
                             client("K3", "Альфа")])
        XCTAssertEqual(pairs(result), ["1→K1 tax_id", "2→K2 name", "3→K3 name"])
        XCTAssertEqual(result.unmatchedClients.map(\.id), ["4"])
        XCTAssertEqual(result.unmatchedClients.first?.reason, "no tax id; no similar name")
        XCTAssertEqual(result.summary.linksByMethod, [.taxID: 1, .name: 2])
    }

    func testInvalidTaxIDsAreNotUsedAndAreCounted() {
        let broken = MatchingTaxIDs.broken(romashka)
        let result = ClientMatcher.match(
            clients: [client("1", "Другая фирма", tax: broken), client("2", "Ромашка", tax: broken)],
            counterparties: [client("K1", "Ромашка", tax: broken), client("K2", "Прочее", tax: "12345")])
        XCTAssertEqual(pairs(result), ["2→K1 name"], "an invalid tax id links nothing, and blocks nothing")
        XCTAssertEqual(result.summary.invalidClientTaxIDs, InvalidTaxIDs(count: 2, examples: ["1: \(broken)", "2: \(broken)"]))
        XCTAssertEqual(result.summary.invalidCounterpartyTaxIDs.count, 2)
        XCTAssertEqual(result.unmatchedClients.first?.reason, "invalid tax id; no similar name")
    }

    func testANameNeverLinksTwoDifferentValidTaxIDs() {
        let result = ClientMatcher.match(clients: [client("1", "Ромашка", tax: romashka)],
                                         counterparties: [client("K1", "ООО Ромашка", tax: vector)])
        XCTAssertTrue(result.links.isEmpty)
        XCTAssertEqual(result.unmatchedClients.first?.reason,
                       "tax id not in accounting; name matches K1, whose tax id differs")
    }

    func testTwoCompaniesWithTheClientsNameAreAmbiguous() {
        let result = ClientMatcher.match(clients: [client("1", "Ромашка")],
                                         counterparties: [client("K1", "ООО Ромашка", tax: romashka),
                                                          client("K2", "АО «Ромашка»", tax: vector)])
        XCTAssertTrue(result.links.isEmpty)
        XCTAssertEqual(result.ambiguous.map(\.counterpartyID), ["K1", "K2"])
        XCTAssertEqual(result.ambiguous.first?.reason, "matches 2 different counterparties equally well: K1, K2")
        XCTAssertEqual(result.unmatchedClients.first?.reason, "ambiguous: matches 2 different counterparties equally well: K1, K2")
        XCTAssertEqual(result.summary.ambiguousClients, 1)
        XCTAssertEqual(result.unmatchedCounterparties.map(\.id), ["K1", "K2"])
    }

    func testOneCounterpartyWantedByTwoCompaniesIsAmbiguous() {
        // Two different legal entities (different valid tax ids, neither in accounting) both
        // carry the name of a counterparty that has no tax id.
        let result = ClientMatcher.match(clients: [client("1", "Ромашка", tax: romashka), client("2", "Ромашка", tax: vector)],
                                         counterparties: [client("K1", "ООО Ромашка")])
        XCTAssertTrue(result.links.isEmpty)
        XCTAssertEqual(result.ambiguous.map(\.clientID), ["1", "2"])
        XCTAssertEqual(result.ambiguous.first?.reason, "counterparty K1 also matches client 2")
        XCTAssertEqual(result.summary.ambiguousClients, 2)
    }

    func testATaxIDLinkWinsOverANameLinkOfAnotherCompany() {
        let result = ClientMatcher.match(
            clients: [client("1", "Ромашка Плюс", tax: romashka), client("2", "Ромашка", email: "a@b.ru")],
            counterparties: [client("K1", "Ромашка", tax: romashka)])
        XCTAssertEqual(pairs(result), ["1→K1 tax_id"])
        XCTAssertEqual(result.ambiguous.map(\.clientID), ["2"])
        XCTAssertEqual(result.ambiguous.first?.reason, "counterparty K1 is linked by tax id or by hand to client 1")
    }

    func testAnEqualNameWinsOverASimilarOneOfAnotherCompany() {
        let result = ClientMatcher.match(
            clients: [client("1", "Ромашка", tax: romashka), client("2", "Ромашко", tax: vector)],
            counterparties: [client("K1", "ООО Ромашка")])
        XCTAssertEqual(pairs(result), ["1→K1 name"])
        XCTAssertEqual(result.ambiguous.map(\.clientID), ["2"])
        XCTAssertEqual(result.ambiguous.first?.reason, "counterparty K1 is linked by a name spelt alike to client 1")
    }

    /// "Полюс-Юг" and "Полюс Юг" have one key; between two such counterparties, the one spelt
    /// like the client's name is the one meant. Spelt like neither, it stays ambiguous.
    func testSpellingDecidesBetweenEqualNames() {
        let counterparties = [client("K1", "ООО «Полюс-Юг»", tax: romashka), client("K2", "Полюс Юг ООО", tax: vector)]
        let hyphen = ClientMatcher.match(clients: [client("1", "Полюс-Юг")], counterparties: counterparties)
        XCTAssertEqual(pairs(hyphen), ["1→K1 name"])
        let space = ClientMatcher.match(clients: [client("1", "ООО \"Полюс Юг\"")], counterparties: counterparties)
        XCTAssertEqual(pairs(space), ["1→K2 name"])
        let neither = ClientMatcher.match(clients: [client("1", "ПолюсЮг")], counterparties: counterparties)
        XCTAssertEqual(pairs(neither), [])
        XCTAssertEqual(neither.ambiguous.count, 2)
    }

    func testDuplicatesOfOneCompanyAreAllLinked() {
        let result = ClientMatcher.match(
            clients: [client("1", "ООО Ромашка", tax: romashka), client("2", "Ромашка", tax: romashka),  // same tax id
                      client("3", "Вектор", tax: vector, email: "info@vector.ru"),
                      client("4", "ООО \"ВЕКТОР\"", email: "INFO@vector.ru"),                            // same e-mail
                      client("5", "Альфа", tax: alpha)],
            counterparties: [client("K1", "Ромашка", tax: romashka), client("K2", "Вектор", tax: vector),
                             client("K3", "Альфа", tax: alpha), client("K4", "ЗАО Альфа", tax: alpha)])   // two cards
        XCTAssertEqual(pairs(result), ["1→K1 tax_id", "2→K1 tax_id", "3→K2 tax_id", "4→K2 name", "5→K3 tax_id", "5→K4 tax_id"])
        XCTAssertTrue(result.ambiguous.isEmpty)
        XCTAssertEqual(result.summary.sharedCounterparties, 2)
        XCTAssertEqual(result.summary.clientsWithSeveralCounterparties, 1)
        XCTAssertEqual(result.summary.matchedClients, 5)
    }

    func testSimilarNamesAboveTheThreshold() {
        let clients = [client("1", "ООО Ромашко"), client("2", "Альфа-Трейд")]
        let counterparties = [client("K1", "Ромашка"), client("K2", "Альфа-Транс")]
        let result = ClientMatcher.match(clients: clients, counterparties: counterparties)
        XCTAssertEqual(pairs(result), ["1→K1 name"])
        XCTAssertEqual(result.links.first?.score ?? 0, 0.95, accuracy: 0.001)
        XCTAssertEqual(result.unmatchedClients.first?.reason, "no tax id; closest name K2 scores 0.68 (threshold 0.90)")
        let strict = ClientMatcher.match(clients: clients, counterparties: counterparties, options: MatchOptions(threshold: 0.96))
        XCTAssertTrue(strict.links.isEmpty)
    }

    func testMethodsCanBeSwitchedOff() {
        let clients = [client("1", "Ромашка", tax: romashka), client("2", "Вектор")]
        let counterparties = [client("K1", "Ромашка", tax: romashka), client("K2", "Вектор")]
        let taxOnly = ClientMatcher.match(clients: clients, counterparties: counterparties,
                                          options: MatchOptions(methods: [.taxID]))
        XCTAssertEqual(pairs(taxOnly), ["1→K1 tax_id"])
        XCTAssertEqual(taxOnly.unmatchedClients.first?.reason, "no tax id")
        let nameOnly = ClientMatcher.match(clients: clients, counterparties: counterparties,
                                           options: MatchOptions(methods: [.name]))
        XCTAssertEqual(pairs(nameOnly), ["1→K1 name", "2→K2 name"])
    }

    func testEmailWhenCounterpartiesHaveOne() {
        let result = ClientMatcher.match(clients: [client("1", "Совсем другое", email: " Info@Romashka.RU ")],
                                         counterparties: [client("K1", "Ромашка", email: "info@romashka.ru")],
                                         counterpartyEmails: true)
        XCTAssertEqual(pairs(result), ["1→K1 email"])
    }

    func testManualDecisionsOverrideAndExclude() {
        let clients = [client("1", "Ромашка", tax: romashka), client("2", "Вектор", tax: vector), client("3", "Альфа", tax: alpha)]
        let counterparties = [client("K1", "Ромашка", tax: romashka), client("K2", "Вектор", tax: vector),
                              client("K3", "Альфа", tax: alpha), client("K4", "Альфа")]
        let decisions = [
            ManualDecision(clientID: "1", counterpartyID: "K2", kind: .link),      // overrides the tax id
            ManualDecision(clientID: "2", counterpartyID: nil, kind: .unlink),     // no links at all
            ManualDecision(clientID: "3", counterpartyID: "K3", kind: .unlink),    // not this one
            ManualDecision(clientID: "9", counterpartyID: "K1", kind: .link),      // no such client
        ]
        let result = ClientMatcher.match(clients: clients, counterparties: counterparties, decisions: decisions)
        XCTAssertEqual(pairs(result), ["1→K2 manual", "3→K4 name"])
        XCTAssertEqual(result.unmatchedClients.map(\.reason), ["unlinked by hand"])
        XCTAssertEqual(result.unmatchedCounterparties.map(\.id), ["K1", "K3"])
        XCTAssertEqual(result.summary.staleDecisions, 1)
    }
}
