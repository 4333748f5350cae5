import Foundation
import XCTest
@testable import SverkaShell

final class InteractivePagerTests: XCTestCase {
    func testPagesOnlyWhatDoesNotFitAboveThePrompt() {
        XCTAssertFalse(Pager.exceeds(lineCount: 23, rows: 24))
        XCTAssertTrue(Pager.exceeds(lineCount: 24, rows: 24))
    }

    func testCommandComesFromPagerOrDefaultsToLessChopped() {
        XCTAssertEqual(Pager(environment: [:]).command, "less -S")
        XCTAssertEqual(Pager(environment: ["PAGER": "  "]).command, "less -S")
        XCTAssertEqual(Pager(environment: ["PAGER": "more"]).command, "more")
    }

    func testOutputThatIsNotATerminalOrAPagerTurnedOffJustPrints() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-pager-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let text = (1...500).map { "row \($0)" }.joined(separator: "\n")
        for isEnabled in [true, false] {
            var printed = ""
            let pager = Pager(isEnabled: isEnabled, environment: ["PAGER": "cat > \(path)"])
            XCTAssertFalse(pager.present(text) { printed += $0 })
            XCTAssertEqual(printed, text)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testChildProcessGetsTheTextAndItsExitStatusComesBack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-child-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let text = String(repeating: "строка таблицы\n", count: 20_000)
        let status = ChildProcess.run(shellCommand: "cat > '\(path)'; exit 3", input: Array(text.utf8), environment: [:])
        XCTAssertEqual(status, 3)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
    }

    func testAPagerThatQuitsEarlyDoesNotKillTheShell() {
        let text = String(repeating: "x\n", count: 200_000)
        XCTAssertEqual(ChildProcess.run(shellCommand: "head -n 1 > /dev/null", input: Array(text.utf8), environment: [:]), 0)
        XCTAssertEqual(ChildProcess.run(shellCommand: "no-such-pager-xyz 2>/dev/null", input: [], environment: [:]), 127)
    }
}
