import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Money must be exact to the kopeck: a sum over a million loaded amounts equals the total
/// computed here independently, in Int64 cents, from the same random numbers.
final class LoadingMoneyTests: CSVLoadingTestCase {
    /// SplitMix64: reproducible, so a failure can be replayed.
    private struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testMillionAmountsSumExactlyToTheKopeck() throws {
        let count = 1_000_000
        var random = SeededRandom(state: 20_261_130)
        var expected: Int64 = 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 24)
        bytes.append(contentsOf: Array("id,amount\n".utf8))
        for id in 1...count {
            // Mostly everyday amounts, some refunds, a few very large ones: cents up to 10^12.
            let magnitude: Int64 = id % 1000 == 0 ? Int64.random(in: 0...1_000_000_000_000, using: &random)
                : Int64.random(in: 0...10_000_000, using: &random)
            let cents = id % 7 == 0 ? -magnitude : magnitude
            expected += cents
            bytes.append(contentsOf: Array("\(id),".utf8))
            if cents < 0 { bytes.append(UInt8(ascii: "-")) }
            let whole = cents.magnitude / 100
            let fraction = cents.magnitude % 100
            bytes.append(contentsOf: Array("\(whole).".utf8))
            bytes.append(UInt8(48 + fraction / 10))
            bytes.append(UInt8(48 + fraction % 10))
            bytes.append(UInt8(ascii: "\n"))
        }
        let path = try write(bytes, to: "amounts.csv")
        let workspace = try Workspace(path: directory.appendingPathComponent("money.sverka").path)
        let report = try CSVLoader().load(LoadRequest(path: path, table: "payments"), into: workspace)
        XCTAssertEqual(report.rows, count)
        XCTAssertEqual(report.columns.map(\.type), [.integer, .decimal(scale: 2)])

        XCTAssertEqual(try workspace.database.scalar("SELECT sum(amount) FROM payments"), .integer(expected))
        XCTAssertEqual(try workspace.database.scalar("SELECT count(*) FROM payments"), .integer(Int64(count)))
        // The same total read back as a decimal value, as the engine will show it.
        let total = Value.decode(.integer(expected), as: .decimal(scale: 2))
        XCTAssertEqual(total, .decimal(ExactDecimal(units: expected, scale: 2)))
    }
}
