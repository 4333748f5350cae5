import Foundation
import XCTest

/// The output of `scripts/gen-data` for a set of arguments, generated once per test process and
/// shared by the test classes that check figures against it.
enum GeneratedDataSets {
    nonisolated(unsafe) private static var folders: [String: URL] = [:]

    /// The folder holding the generated CSV files; skips the test when python3 cannot run the script.
    static func folder(_ arguments: [String]) throws -> URL {
        let key = arguments.joined(separator: " ")
        if let folder = folders[key] { return folder }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = try ReconFixture.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/gen-data").path, folder.path] + arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("scripts/gen-data did not run (python3 missing?)") }
        folders[key] = folder
        return folder
    }
}
