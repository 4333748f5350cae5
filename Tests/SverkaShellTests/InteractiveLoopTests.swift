import Foundation
import XCTest
@testable import SverkaShell

/// A `LineReader` that plays back scripted input and records the prompts it was shown.
final class ScriptedLineReader: LineReader {
    private var script: [LineInput]
    private(set) var prompts: [String] = []
    private(set) var contexts: [String] = []
    private(set) var history: [String] = []

    init(_ script: [LineInput]) {
        self.script = script
    }

    func readLine(prompt: String, continuing statement: String) -> LineInput {
        prompts.append(prompt)
        contexts.append(statement)
        return script.isEmpty ? .endOfInput : script.removeFirst()
    }

    func addToHistory(_ statement: String) {
        history.append(statement)
    }
}

final class InteractiveLoopTests: XCTestCase {
    private func run(_ script: [LineInput], history: HistoryStore? = nil) -> (ran: [String], reader: ScriptedLineReader) {
        let reader = ScriptedLineReader(script)
        var ran: [String] = []
        InteractiveLoop(reader: reader, history: history) { ran.append($0) }.run()
        return (ran, reader)
    }

    func testUnfinishedStatementsContinueWithTheContinuationPrompt() {
        let (ran, reader) = run([.line("from deals |"), .line("  where stage == \"won\" |"), .line("  take 5"), .line("tables")])
        XCTAssertEqual(ran, ["from deals |\n  where stage == \"won\" |\n  take 5", "tables"])
        XCTAssertEqual(reader.prompts, ["sverka> ", "   ...> ", "   ...> ", "sverka> ", "sverka> "])
        XCTAssertEqual(reader.contexts[2], "from deals |\n  where stage == \"won\" |")
    }

    func testOpenBracketsAndStringsContinue() {
        let (ran, _) = run([.line("from deals | group stage ("), .line("n = count())"), .line("print \"a"), .line("b\"")])
        XCTAssertEqual(ran, ["from deals | group stage (\nn = count())", "print \"a\nb\""])
    }

    func testCtrlCDiscardsTheUnfinishedStatement() {
        let (ran, reader) = run([.line("from deals |"), .interrupted, .line("tables"), .interrupted, .line("describe deals")])
        XCTAssertEqual(ran, ["tables", "describe deals"])
        XCTAssertEqual(reader.prompts, ["sverka> ", "   ...> ", "sverka> ", "sverka> ", "sverka> ", "sverka> "])
    }

    func testQuitExitAndCtrlDLeave() {
        XCTAssertEqual(run([.line("tables"), .line("quit"), .line("describe deals")]).ran, ["tables"])
        XCTAssertEqual(run([.line("  exit; "), .line("tables")]).ran, [])
        XCTAssertEqual(run([.line("from deals |"), .endOfInput, .line("tables")]).ran, [])
        // Inside a statement `quit` is just a word.
        XCTAssertEqual(run([.line("from deals |"), .line("quit")]).ran, ["from deals |\nquit"])
    }

    func testBlankLinesAreSkipped() {
        let (ran, reader) = run([.line(""), .line("   "), .line("tables")])
        XCTAssertEqual(ran, ["tables"])
        XCTAssertEqual(reader.history, ["tables"])
    }

    func testWholeStatementsGoToBothHistories() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-loop-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        HistoryStore(path: path).add("describe deals")

        let (_, reader) = run([.line("from deals |"), .line("take 1"), .line("set token \"s3cret\"")], history: HistoryStore(path: path))
        XCTAssertEqual(reader.history, ["describe deals", "from deals |\ntake 1", "set token \"s3cret\""])
        XCTAssertEqual(HistoryStore(path: path).entries, ["describe deals", "from deals |\ntake 1"])
    }
}
