import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaShell

/// Completion around `load [api] "…"`: the optional word must not swallow a file path, and
/// `load ⇥` still offers files (so `api` itself is typed, not completed).
final class LoadAPICompletionTests: XCTestCase {
    private struct Standard: CompletionCatalog {
        var grammar: any CommandGrammar { CommandRegistry.standard }
        var stepWords: [String] { ["where", "select"] }
        func tableNames() -> [String] { ["deals"] }
        func columnNames(of table: String) -> [String] { [] }
        func distinctValues(table: String, column: String, prefix: String, limit: Int) -> [String] { [] }
    }

    private func completion(_ line: String, in directory: String? = nil) -> Completion {
        let completer = directory.map { Completer(catalog: Standard(), workingDirectory: $0) } ?? Completer(catalog: Standard())
        return completer.complete(line: line, cursor: line.count)
    }

    func testClausesFollowTheURLAsTheyFollowAPath() {
        XCTAssertEqual(completion("load api \"https://x.test/leads\" a").insertion, "as ")
        XCTAssertEqual(completion("load \"x.csv\" a").insertion, "as ")
        XCTAssertEqual(completion("load api \"https://x.test/leads\" as leads w").insertion, "with ")
    }

    func testLoadAloneStillOffersFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-api-completion-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = FileManager.default.createFile(atPath: directory + "/deals.csv", contents: Data())
        XCTAssertEqual(completion("load ", in: directory).insertion, "\"deals.csv\"")
    }
}
