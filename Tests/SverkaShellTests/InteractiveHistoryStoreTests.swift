import Foundation
import XCTest
@testable import SverkaShell

final class InteractiveHistoryStoreTests: XCTestCase {
    private func temporaryPath() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-history-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testMultiLineStatementsAndSpecialCharactersRoundTrip() {
        let path = temporaryPath()
        let statements = [
            "from deals |\n  where stage == \"won\"\n  | take 5",
            #"load "C:\data\сделки.csv" as deals"#,
            "from платежи | where контрагент == \"ООО \\\"Ромашка\\\"\"",
            "print \"tab\there\" # trailing \\n is not a newline",
            "from deals\r\n| take 1",
        ]
        let store = HistoryStore(path: path)
        for statement in statements { XCTAssertTrue(store.add(statement)) }
        XCTAssertEqual(HistoryStore(path: path).entries, statements)
    }

    func testFileFormatIsOneEscapedLinePerStatementAfterAHeader() throws {
        let path = temporaryPath()
        HistoryStore(path: path).add("from deals |\nwhere amount > 1 # a\\b")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, "#sverka-history 1\nfrom deals |\\nwhere amount > 1 # a\\\\b\n")
    }

    func testConsecutiveDuplicatesAndBlankStatementsAreDropped() {
        let path = temporaryPath()
        let store = HistoryStore(path: path)
        XCTAssertTrue(store.add("tables"))
        XCTAssertFalse(store.add("tables"))
        XCTAssertFalse(store.add("tables\n"))
        XCTAssertFalse(store.add("   "))
        XCTAssertTrue(store.add("describe deals"))
        XCTAssertTrue(store.add("tables"))
        XCTAssertEqual(HistoryStore(path: path).entries, ["tables", "describe deals", "tables"])
    }

    func testTheNewestEntriesAreKeptUpToTheCap() throws {
        let path = temporaryPath()
        let store = HistoryStore(path: path, capacity: 10)
        for number in 1...30 { store.add("take \(number)") }
        XCTAssertEqual(store.entries, (21...30).map { "take \($0)" })
        XCTAssertEqual(HistoryStore(path: path, capacity: 10).entries, (21...30).map { "take \($0)" })
        // The file is compacted now and then, never allowed to grow far past the cap.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
        XCTAssertLessThanOrEqual(lines, 1 + 10 + 10 / 4 + 1)
    }

    func testFileIsCreatedReadableOnlyByItsOwner() throws {
        let path = temporaryPath()
        HistoryStore(path: path).add("tables")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o600)
    }

    func testSecretsAreNeverWritten() throws {
        let path = temporaryPath()
        let store = HistoryStore(path: path)
        let secrets = [
            "set token \"abc\"",
            "let api_token = \"abc\"",
            "SET Password = 'hunter2'",
            "let db_secret = \"x\"",
            "tables; set apikey xyz",
            "connect \"postgres://me:hunter2@db/prod\"",
            "attach warehouse with (password: \"hunter2\")",
        ]
        for secret in secrets { XCTAssertFalse(store.add(secret), secret) }
        XCTAssertTrue(store.add("set pager off"))
        XCTAssertTrue(store.add("from tokens | where kind == \"password reset\""))
        XCTAssertEqual(HistoryStore(path: path).entries, ["set pager off", "from tokens | where kind == \"password reset\""])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(text.contains("hunter2"))
    }

    func testStatementsAppendedByAnotherSessionSurviveCompaction() {
        let path = temporaryPath()
        let first = HistoryStore(path: path, capacity: 8)
        let second = HistoryStore(path: path, capacity: 8)
        for number in 1...9 { first.add("take \(number)") }
        second.add("from other_session")
        // The tenth and eleventh appends push the file past the cap, and `first` compacts it.
        first.add("take 10")
        first.add("take 11")
        let kept = HistoryStore(path: path, capacity: 100).entries
        XCTAssertEqual(kept, ["take 5", "take 6", "take 7", "take 8", "take 9", "from other_session", "take 10", "take 11"])
    }

    func testAMissingOrForeignFileReadsAsWhatItHolds() throws {
        let path = temporaryPath()
        XCTAssertEqual(HistoryStore(path: path).entries, [])
        try "tables\r\ndescribe deals\n\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(HistoryStore(path: path).entries, ["tables", "describe deals"])
    }

    func testDefaultPathPrefersTheEnvironmentVariable() {
        XCTAssertEqual(HistoryStore.defaultPath(environment: ["SVERKA_HISTORY": "/tmp/h", "HOME": "/home/a"]), "/tmp/h")
        XCTAssertEqual(HistoryStore.defaultPath(environment: ["HOME": "/home/a"]), "/home/a/.sverka_history")
        XCTAssertNil(HistoryStore.defaultPath(environment: [:]))
    }
}
