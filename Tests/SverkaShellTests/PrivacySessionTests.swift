import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaShell

/// `set mask` and `secret` in a live session: what reaches stdout, stderr, exports, completion.
final class PrivacySessionTests: XCTestCase {
    private var folder = URL(fileURLWithPath: NSTemporaryDirectory())
    private var output = StringSink()
    private var messages = StringSink()
    private var session: Session!

    static let csv = #"""
        id,name,email,phone,tax_id,manager,note
        1,ИП Сидоров Сергей,sidorov@example.com,+7 (916) 123-45-67,500100732259,Петров Илья,звонить 8 495 111-22-33
        2,"ООО ""Ромашка""",info@romashka.ru,8 (495) 765-43-21,7707083893,Иванова Анна,ivan.petrov@example.org

        """#

    /// Contacts of the fixture that masked output must never show, as written.
    static let raw = ["sidorov@example.com", "info@romashka.ru", "ivan.petrov@example.org", "123-45-67", "111-22-33",
                      "765-43-21", "500100732259"]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.csv.utf8).write(to: folder.appendingPathComponent("c.csv"))
        output = StringSink()
        messages = StringSink()
        session = Session(workspace: try Workspace(path: nil), output: output, messages: messages)
        try run(#"load "\#(folder.path)/c.csv" as c"#)
    }

    override func tearDownWithError() throws {
        session = nil
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ text: String, expecting expected: RunOutcome = .success) throws {
        let outcome = session.run(SourceText(name: "test", text: text))
        XCTAssertEqual(outcome, expected, messages.text)
    }

    private func assertNothingRaw(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for raw in Self.raw { XCTAssertFalse(text.contains(raw), "shows \(raw):\n\(text)", file: file, line: line) }
    }

    func testEveryOutputFormatIsMaskedAndOffShowsTheDataAgain() throws {
        try run("set mask on")
        for format in ["table", "csv", "json", "markdown"] {
            try run("set format \(format)\nfrom c")
        }
        assertNothingRaw(output.text)
        XCTAssertTrue(output.text.contains("s***@example.com"))
        XCTAssertTrue(output.text.contains("+7 *** ***-**-67"))
        XCTAssertTrue(output.text.contains("**********59"))
        XCTAssertTrue(output.text.contains("7707083893"), "a company's tax id is not personal")
        XCTAssertTrue(output.text.contains("Петров Илья"), "names are masked only with set mask names")
        try run("set mask names\nset format csv\nfrom c | select name, manager")
        XCTAssertTrue(output.text.hasSuffix("name,manager\nИП С*** С.,П*** И.\n\"ООО \"\"Ромашка\"\"\",И*** А.\n"), output.text)
        try run("set mask off\nfrom c | select email | take 1")
        XCTAssertTrue(output.text.hasSuffix("email\nsidorov@example.com\n"))
    }

    func testAnErrorQuotingAStatementIsMaskedWithItsCaretInPlace() throws {
        try run("set mask on")
        try run(#"from c | where email == "sidorov@example.com" and nmae == 1"#, expecting: .failed)
        let lines = messages.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let quoted = try XCTUnwrap(lines.first { $0.hasPrefix("1 | ") })
        let carets = try XCTUnwrap(lines.first { $0.contains("^") })
        XCTAssertEqual(quoted, #"1 | from c | where email == "s***@example.com" and nmae == 1"#)
        XCTAssertEqual(carets.firstIndex(of: "^").map { carets.distance(from: carets.startIndex, to: $0) },
                       quoted.range(of: "nmae").map { quoted.distance(from: quoted.startIndex, to: $0.lowerBound) })
        XCTAssertEqual(carets.filter { $0 == "^" }.count, 4)
        // The header gives the column in the statement as typed.
        XCTAssertTrue(messages.text.contains(" --> test:1:51\n"), messages.text)
        assertNothingRaw(messages.text)
    }

    func testExportsFollowTheSettingUnlessTheyChooseOtherwise() throws {
        try run("set mask on")
        for format in ["csv", "tsv", "json", "ndjson", "md"] {
            try run(#"export c to "\#(folder.path)/out.\#(format)""#)
            assertNothingRaw(try String(contentsOf: folder.appendingPathComponent("out.\(format)"), encoding: .utf8))
        }
        XCTAssertTrue(messages.text.contains("  personal data masked: e-mails, phones and individuals' tax ids\n"))
        try run(#"export c to "\#(folder.path)/raw.csv" with (mask: false)"#)
        XCTAssertTrue(messages.text.contains("note: this export is not masked (mask: false), although set mask is on\n"))
        let raw = try String(contentsOf: folder.appendingPathComponent("raw.csv"), encoding: .utf8)
        XCTAssertTrue(raw.contains("sidorov@example.com"))
    }

    func testCompletionOffersNoPersonalValueWhileMasked() throws {
        let catalog = SessionCompletionCatalog(session: session)
        XCTAssertEqual(catalog.distinctValues(table: "c", column: "email", prefix: "", limit: 10),
                       ["info@romashka.ru", "sidorov@example.com"])
        try run("set mask on")
        XCTAssertEqual(catalog.distinctValues(table: "c", column: "email", prefix: "", limit: 10), [])
        XCTAssertEqual(catalog.distinctValues(table: "c", column: "note", prefix: "", limit: 10), [])
        XCTAssertEqual(catalog.distinctValues(table: "c", column: "id", prefix: "", limit: 10), ["1", "2"])
    }

    func testASecretIsNeverShownWhereverItWouldAppear() throws {
        let token = "tok-shell-4f9a8b7c6d"
        setenv("SVERKA_PRIVACY_TEST_TOKEN", token, 1)
        defer { unsetenv("SVERKA_PRIVACY_TEST_TOKEN") }
        try run(#"secret amo from env "SVERKA_PRIVACY_TEST_TOKEN""#)
        XCTAssertEqual(messages.text.components(separatedBy: "\n").dropLast().last,
                       "secret amo is read from the environment variable SVERKA_PRIVACY_TEST_TOKEN; it is never shown")
        XCTAssertEqual(session.privacy.secrets["amo"]?.revealedForSending(), token)
        for format in ["table", "csv", "json", "markdown"] { try run("set format \(format)\nsecrets") }
        XCTAssertTrue(output.text.contains("the environment variable SVERKA_PRIVACY_TEST_TOKEN"))
        try run("print $amo", expecting: .failed)
        XCTAssertTrue(messages.text.contains("error: $amo holds a secret, which is never shown, compared or computed with\n"))
        try run(#"export c to "x.csv" with (password: "\#(token)")"#, expecting: .failed)
        XCTAssertTrue(messages.text.contains(#"with (password: "••••••")"#), messages.text)
        // Should the data itself hold it, the terminal still does not show it.
        try run(#"set format csv\#nsql "select '\#(token)' as t""#)
        XCTAssertTrue(output.text.hasSuffix("t\n••••••\n"), output.text)
        XCTAssertFalse(output.text.contains(token))
        XCTAssertFalse(messages.text.contains(token))
        XCTAssertEqual(session.privacy.scrub("failed with \(token)"), "failed with ••••••")
    }

    func testAFileOthersCanReadIsRefused() throws {
        let path = folder.appendingPathComponent("token").path
        try Data("tok-file-1234567".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try run(#"secret bank from file "\#(path)""#, expecting: .failed)
        XCTAssertTrue(messages.text.contains("error: the secret file \(path) can be read by others (mode 0644)\n"))
        XCTAssertTrue(messages.text.contains("= hint: chmod 600 \(path)"))
        XCTAssertNil(session.privacy.secrets["bank"])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try run(#"secret bank from file "\#(path)""#)
        XCTAssertEqual(session.privacy.secrets["bank"]?.revealedForSending(), "tok-file-1234567")
    }
}
