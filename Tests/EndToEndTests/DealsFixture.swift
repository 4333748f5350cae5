import Foundation

/// A deterministic deals.csv with the columns of the acceptance test, and the figures it
/// should produce computed here, independently of sverka.
struct DealsFixture {
    struct Deal {
        var id: Int
        var clientID: Int
        var stage: String
        /// Kopecks.
        var amount: Int64
    }

    var deals: [Deal] = []
    var csv = "deal_id,client_id,product_sku,stage,amount,currency,manager,region,created_at,closed_at\n"

    init(count: Int, clients: Int = 60, seed: UInt64 = 42) {
        var random = SplitMix(seed: seed)
        let stages = ["won", "lost", "open", "negotiation"]
        let managers = ["Иванова А.", "Петров С.", "Smith J."]
        let regions = ["Москва", "Казань", "Санкт-Петербург"]
        for id in 1...count {
            let stage = stages[Int(random.next() % 4)]
            let amount = Int64(random.next() % 500_000_000) + 100   // up to 5,000,000.00
            let client = Int(random.next() % UInt64(clients)) + 1
            deals.append(Deal(id: id, clientID: client, stage: stage, amount: amount))
            let closed = stage == "won" || stage == "lost" ? "2026-10-\(10 + id % 18)" : ""
            csv += "\(id),\(client),SKU-\(100 + id % 7),\(stage),\(Self.format(amount)),RUB,\(managers[id % 3]),"
                + "\(regions[id % 3]),2026-09-\(10 + id % 18),\(closed)\n"
        }
    }

    /// `1234.05` from 123405 kopecks, with integer arithmetic only.
    static func format(_ kopecks: Int64) -> String {
        let sign = kopecks < 0 ? "-" : ""
        let magnitude = kopecks.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

/// A small, fast, seedable generator so fixtures are the same on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
