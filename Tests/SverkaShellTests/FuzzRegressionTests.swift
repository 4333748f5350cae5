import Foundation
import XCTest

/// Replays every input saved under Tests/fuzz-regressions/parser/ — what scripts/fuzz found, and
/// a few inputs that reached rare paths — through the same harness the fuzzer runs (the parser
/// with the real command registry, which is why this lives with the shell's tests).
final class FuzzRegressionTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz-regressions/parser")

    func testSavedParserInputs() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(names.isEmpty, "no inputs in \(Self.folder.path)")
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let problems = bytes.withUnsafeBufferPointer { ParserFuzzHarness.problems(in: $0) }
            XCTAssertEqual(problems, [], name)
        }
    }
}
