import Foundation
import XCTest

/// Runs every `Tests/golden/*.sv` script with the built binary and compares its exit code,
/// stdout and stderr with the `.expected` file beside it. Set SVERKA_UPDATE_GOLDEN=1 to
/// (re)write the expected files; the run then fails so that a recording is never a pass.
/// SVERKA_GOLDEN_ONLY=profit,aging runs only the scripts whose names start with one of the
/// prefixes (for recording one's own scripts while others' are being changed).
final class GoldenTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("golden")

    func testGoldenScripts() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".sv") && !$0.hasPrefix(".") && Self.isSelected($0) }.sorted()
        XCTAssertFalse(scripts.isEmpty, "no golden scripts in \(Self.folder.path)")
        let updating = ProcessInfo.processInfo.environment["SVERKA_UPDATE_GOLDEN"] == "1"
        for script in scripts {
            let result = try SverkaProcess.run(["run", script], in: Self.folder)
            let actual = Self.transcript(result)
            let expectedURL = Self.folder.appendingPathComponent(script.replacingOccurrences(of: ".sv", with: ".expected"))
            let expected = try? String(contentsOf: expectedURL, encoding: .utf8)
            if updating {
                if expected != actual {
                    try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
                    XCTFail("recorded \(expectedURL.lastPathComponent); run again without SVERKA_UPDATE_GOLDEN")
                }
                continue
            }
            guard let expected else {
                XCTFail("\(script): no \(expectedURL.lastPathComponent); record it with SVERKA_UPDATE_GOLDEN=1")
                continue
            }
            if expected != actual {
                XCTFail("\(script) differs from \(expectedURL.lastPathComponent):\n" + Self.difference(expected, actual))
            }
        }
    }

    private static func isSelected(_ script: String) -> Bool {
        guard let only = ProcessInfo.processInfo.environment["SVERKA_GOLDEN_ONLY"], !only.isEmpty else { return true }
        return only.split(separator: ",").contains { script.hasPrefix($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Exit code, stdout and stderr in one text, the form of the `.expected` files.
    static func transcript(_ result: SverkaProcess.Result) -> String {
        // Timings differ between runs: keep their shape, not their digits.
        let stderr = result.stderr.replacingOccurrences(of: #"\d+\.\d\d s\b"#, with: "#.## s", options: .regularExpression)
        return "-- exit: \(result.exitCode)\n-- stdout\n\(result.stdout)-- stderr\n\(stderr)"
    }

    static func difference(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? e[index] : "<end>", right = index < a.count ? a[index] : "<end>"
            if left != right { return "line \(index + 1):\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(same lines, different endings)"
    }
}
