import Foundation
import SverkaEngine
import XCTest

/// Replays every input saved under Tests/fuzz-regressions/csv/ — what scripts/fuzz found, and a
/// few inputs that reached rare paths — through the same harness the fuzzer runs, with every
/// option set (the fuzzer tried each input with one), into one workspace as the fuzzer does.
final class FuzzRegressionTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fuzz-regressions/csv")

    func testSavedCSVInputs() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(names.isEmpty, "no inputs in \(Self.folder.path)")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-fuzz-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let harness = CSVFuzzHarness(workspace: try Workspace(path: nil), path: path)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            for (index, options) in CSVFuzzHarness.variants.enumerated() {
                let problems = bytes.withUnsafeBufferPointer { harness.problems(in: $0, options: options) }
                XCTAssertEqual(problems, [], "\(name), option set \(index)")
            }
        }
    }
}
