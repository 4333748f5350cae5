import Foundation
import XCTest
@testable import SverkaShell

/// The history file under `set mask`: statements are kept with their e-mails and phones masked.
final class PrivacyHistoryTests: XCTestCase {
    private func temporaryPath() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-history-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testMaskedStatementsKeepNoContactOfTheData() throws {
        let path = temporaryPath()
        let store = HistoryStore(path: path)
        var masking = false
        store.masksPersonalData = { masking }
        store.add(#"from c | where email == "ivan@example.com""#)
        masking = true
        store.add(#"from c | where email == "olga.s@example.com" or phone == "+7 (916) 123-45-67""#)
        store.add("from c | where tax_id == \"500100732259\"")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(HistoryStore(path: path).entries, [
            #"from c | where email == "ivan@example.com""#,
            #"from c | where email == "o***@example.com" or phone == "+7 *** ***-**-67""#,
            "from c | where tax_id == \"**********59\"",
        ])
        XCTAssertFalse(text.contains("olga.s@"))
        XCTAssertFalse(text.contains("123-45-67"))
    }

    func testARepeatIsJudgedByWhatWouldBeKept() {
        let store = HistoryStore(path: temporaryPath())
        store.masksPersonalData = { true }
        XCTAssertTrue(store.add(#"where email == "ivan@example.com""#))
        XCTAssertFalse(store.add(#"where email == "igor@example.com""#))
    }

    func testSecretLinesStayOutWhateverTheMask() {
        let store = HistoryStore(path: temporaryPath())
        store.masksPersonalData = { true }
        for line in [#"load rest "x" with (header: "Bearer eyJhbGciOiJIUzI1NiJ9")"#, #"let api_token = "abc""#,
                     #"attach db with (password: "hunter2")"#] {
            XCTAssertFalse(store.add(line), line)
        }
        // Where a secret is kept is no secret.
        XCTAssertTrue(store.add(#"load rest "x" with (token_env: "AMO_TOKEN")"#))
        XCTAssertTrue(store.add(#"secret amo from env "AMO_TOKEN""#))
    }
}
