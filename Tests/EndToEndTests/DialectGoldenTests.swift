import Foundation
import XCTest

/// Runs the golden scripts written for both engines (`Tests/golden/pipelines-*.sv`) a second
/// time with their tables on a real PostgreSQL server: each loaded table is copied to the server
/// (`export … to postgres`), the server is attached as `wh`, and every `from T`, `join T` and
/// `rows(T)` reads `wh.T`, so each pipeline compiles through the PostgreSQL dialect and runs on
/// the server. The output must be the very `.expected` file the SQLite run is held to: the same
/// rows, values, types and formatting. Only the lines of the added export and attach statements
/// are left out of the comparison.
///
/// Needs SVERKA_TEST_POSTGRES (scripts/postgres-test-server, started by scripts/test); without
/// it the test is skipped, except under CI, where it fails.
final class DialectGoldenTests: XCTestCase {
    func testPipelineGoldensGiveTheSameOutputOnPostgreSQL() throws {
        let url = try PostgresTestServer.url()
        let folder = GoldenTests.folder
        let scripts = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("pipelines-") && $0.hasSuffix(".sv") }.sorted()
        XCTAssertGreaterThanOrEqual(scripts.count, 2, "no pipelines-*.sv golden scripts")
        for script in scripts {
            let text = try String(contentsOf: folder.appendingPathComponent(script), encoding: .utf8)
            let onServer = Self.onServer(text, url: url)
            XCTAssertNotEqual(onServer, text, "\(script): nothing was moved to the server")
            // Beside the original, so that its relative paths and the messages naming them stay
            // the same; hidden, so that GoldenTests does not take it for a golden script.
            let file = folder.appendingPathComponent(".postgres-\(script)")
            try onServer.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try SverkaProcess.run(["run", file.lastPathComponent], in: folder)
            let actual = GoldenTests.transcript(result)
                .components(separatedBy: "\n")
                .filter { !$0.hasPrefix("exported ") && !$0.hasPrefix("attached wh: ") }
                .joined(separator: "\n")
            let expected = try String(contentsOf: folder.appendingPathComponent(script.replacingOccurrences(of: ".sv", with: ".expected")),
                                      encoding: .utf8)
            if expected != actual {
                XCTFail("\(script) on PostgreSQL differs from its .expected:\n" + GoldenTests.difference(expected, actual))
            }
        }
    }

    /// The script with its tables on the server: loads kept (so the workspace holds what the
    /// SQLite run had), then copied over and attached, and the pipelines pointed at `wh`.
    static func onServer(_ text: String, url: String) -> String {
        var tables: [String] = []
        var lines: [String] = []
        var lastLoad = -1
        for line in text.components(separatedBy: "\n") {
            if let match = line.firstMatch(of: /^load "[^"]+" as (\w+)$/) {
                lines.append(line)
                tables.append(String(match.1))
                lastLoad = lines.count - 1
                continue
            }
            var moved = line
            if !line.hasPrefix("#"), !line.hasPrefix("load ") {
                for table in tables {
                    moved = moved.replacing(try! Regex("\\b(from|join|rows\\()\\s*\(table)\\b")) { match in
                        "\(match.output[1].substring ?? "") wh.\(table)".replacingOccurrences(of: "( wh.", with: "(wh.")
                    }
                }
            }
            lines.append(moved)
        }
        let copies = tables.map { "export \($0) to postgres \"\(url)\" table \($0) with (if_exists: \"replace\")" }
        lines.insert(contentsOf: copies + ["attach postgres \"\(url)\" as wh"], at: lastLoad + 1)
        return lines.joined(separator: "\n")
    }
}

/// The test PostgreSQL server's address, from SVERKA_TEST_POSTGRES.
enum PostgresTestServer {
    static func url() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["SVERKA_TEST_POSTGRES"], !url.isEmpty { return url }
        if environment["CI"] == "true" {
            XCTFail("SVERKA_TEST_POSTGRES is not set: scripts/test starts the test server and sets it")
            throw XCTSkip("no test server")
        }
        throw XCTSkip("SVERKA_TEST_POSTGRES is not set (eval \"$(scripts/postgres-test-server start)\")")
    }
}
