import Foundation
import XCTest
import SverkaEngine
import SverkaSyntax
@testable import SverkaShell

/// A model block typed at the prompt: its lines are gathered under the continuation prompt
/// until `end`, then run as one statement; `roi ⇥` completes the models kept in the workspace.
final class ModelInteractiveTests: XCTestCase {
    func testTheBlockIsGatheredUntilEnd() {
        let lines = ["model integration", "  gain sales from 10M to 10.5M", "", "  cost project 900k", "end", "roi integration"]
        let reader = ScriptedLineReader(lines.map(LineInput.line))
        var ran: [String] = []
        InteractiveLoop(reader: reader) { ran.append($0) }.run()
        XCTAssertEqual(ran, ["model integration\n  gain sales from 10M to 10.5M\n\n  cost project 900k\nend", "roi integration"])
        XCTAssertEqual(reader.prompts, ["sverka> ", "   ...> ", "   ...> ", "   ...> ", "   ...> ", "sverka> ", "sverka> "])
        XCTAssertEqual(reader.history.first, ran.first, "the whole block is one history entry")
    }

    func testCtrlCAbandonsAHalfTypedBlock() {
        let reader = ScriptedLineReader([.line("model integration"), .line("  gain sales from 1 to 2"), .interrupted, .line("tables")])
        var ran: [String] = []
        InteractiveLoop(reader: reader) { ran.append($0) }.run()
        XCTAssertEqual(ran, ["tables"])
    }

    func testTheTypedBlockRunsInASession() throws {
        let messages = StringSink()
        let session = Session(workspace: try Workspace(path: nil), output: StringSink(), messages: messages)
        let reader = ScriptedLineReader(["model integration", "  gain sales from 10M to 10.5M", "  cost project 900k", "end",
                                         "roi integration"].map(LineInput.line))
        var outcomes: [RunOutcome] = []
        InteractiveLoop(reader: reader) { outcomes.append(session.run(SourceText(name: "input", text: $0))) }.run()
        XCTAssertEqual(outcomes, [.success, .success])
        XCTAssertTrue(messages.text.contains("defined model integration: 1 effect, 1 cost"), messages.text)
        XCTAssertTrue(messages.text.contains("roi integration: ROI -44.4% over 12 months"), messages.text)
    }

    func testModelNamesCompleteAfterRoi() {
        struct Models: CompletionCatalog {
            var grammar: any CommandGrammar { CommandRegistry.standard }
            var stepWords: [String] { [] }
            func tableNames() -> [String] { ["deals"] }
            func columnNames(of table: String) -> [String] { [] }
            func distinctValues(table: String, column: String, prefix: String, limit: Int) -> [String] { [] }
            func modelNames() -> [String] { ["integration", "edo"] }
        }
        let completer = Completer(catalog: Models())
        XCTAssertEqual(completer.complete(line: "roi in", cursor: 6).candidates.map(\.text), ["integration"])
        XCTAssertEqual(completer.complete(line: "scenario low of e", cursor: 17).candidates.map(\.text), ["edo"])
        XCTAssertEqual(completer.complete(line: "models ", cursor: 7).candidates.map(\.text), ["integration", "edo"])
        let clauses = completer.complete(line: "roi integration ", cursor: 16).candidates.map(\.text)
        XCTAssertTrue(["scenario", "with", "vary"].allSatisfy(clauses.contains), "\(clauses)")
    }
}
