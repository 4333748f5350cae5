import Foundation
import XCTest

/// Bad input gets a clear error and a non-zero exit, never a crash (a signal) or a hang.
final class BadInputTests: XCTestCase {
    private func assertCleanFailure(_ result: SverkaProcess.Result, mentions text: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.exitCode, 1, "exit \(result.exitCode): \(result.stderr.prefix(500))", file: file, line: line)
        XCTAssertTrue(result.stderr.contains(text), "stderr lacks '\(text)': \(result.stderr.prefix(800))", file: file, line: line)
    }

    func testUnbalancedQuote() throws {
        assertCleanFailure(try SverkaProcess.run(["-c", "print \"never closed"]), mentions: "unterminated string")
    }

    func testUnknownStep() throws {
        assertCleanFailure(try SverkaProcess.run(["-c", "sql \"select 1\"\nlet t = 1\nfrom x | wher a > 1"]), mentions: "unknown step 'wher'")
    }

    func testTenMegabyteStatement() throws {
        let huge = "print " + Array(repeating: "1", count: 1_000_000).joined(separator: " + ") + " +"
        XCTAssertGreaterThan(huge.utf8.count, 3_000_000)
        let longName = "from " + String(repeating: "x", count: 10_000_000)
        assertCleanFailure(try SverkaProcess.run([], stdin: Data(longName.utf8)), mentions: "unknown table")
        let result = try SverkaProcess.run([], stdin: Data(huge.utf8))
        XCTAssertEqual(result.exitCode, 1, String(result.stderr.prefix(500)))
    }

    func testBinaryGarbageOnStdin() throws {
        var random = SplitMix(seed: 99)
        let bytes = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let result = try SverkaProcess.run([], stdin: Data(bytes))
        XCTAssertEqual(result.exitCode, 1, String(result.stderr.prefix(500)))
        XCTAssertTrue(result.stderr.contains("error:"), String(result.stderr.prefix(500)))
    }

    func testNumberTooLarge() throws {
        assertCleanFailure(try SverkaProcess.run(["-c", "print 99999999999999999999999"]), mentions: "too large")
    }

    func testDeepNesting() throws {
        let nested = "print " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        // Through stdin: one command-line argument may not exceed 128 KiB on Linux.
        assertCleanFailure(try SverkaProcess.run([], stdin: Data(nested.utf8)), mentions: "nested too deeply")
        let chain = "print " + Array(repeating: "1", count: 100_000).joined(separator: " + ")
        assertCleanFailure(try SverkaProcess.run([], stdin: Data(chain.utf8)), mentions: "nested too deeply")
    }
}
