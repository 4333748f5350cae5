import Foundation
import XCTest

/// The acceptance of personal-data masking: with `set mask on`, no e-mail address or phone
/// number from the data appears in stdout, stderr, any export or the history file; and secrets
/// are never printed.
final class MaskingTests: XCTestCase {
    private var folder = URL(fileURLWithPath: NSTemporaryDirectory())

    /// The fixture's contacts, written as CRM exports write them.
    static let emails = ["sidorov.sergey@example.com", "INFO@Romashka.ru", "olga_k+crm@mail.example.org", "buh@vector-plus.ru",
                         "ivan.petrov@example.org", "zakaz@почта.рф"]
    static let phones = ["+7 (916) 123-45-67", "8 (495) 765-43-21", "89031112233", "8-921-555-44-33", "+7 812 600 70 80",
                         "(343) 222-11-00", "+7-917-000-12-34", "8 (800) 200-30-40"]

    override func setUpWithError() throws {
        folder = try SverkaProcess.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        let (emails, phones) = (Self.emails, Self.phones)
        try write("contacts.csv", #"""
            client_id,name,tax_id,email,phone,manager,mobile
            1,"ООО ""Ромашка""",7707083893,\#(emails[1]),\#(phones[1]),Иванова Анна,79161234500
            2,ИП Сидоров Сергей Сергеевич,500100732259,\#(emails[0]),\#(phones[0]),Петров Илья,
            3,"ООО ""Вектор-Плюс""",0274062111,\#(emails[3]),\#(phones[2]),Иванова Анна,89261112200
            4,ИП Кузнецова Ольга,773605000380,\#(emails[2]),"\#(phones[3]), \#(phones[4])",Петров Илья,

            """#)
        try write("notes.csv", #"""
            note_id,text,contact
            1,"перезвонить \#(phones[5]) до пятницы",\#(emails[4])
            2,"копия счёта на \#(emails[5]), тел. \#(phones[6])",
            3,"горячая линия \#(phones[7])",нет

            """#)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// The contacts as they were loaded, plus the two phones of the integer column.
    private static var allPhones: [String] { phones + ["79161234500", "89261112200"] }

    /// Each e-mail (any case) and each phone's ten national digits, however it is written:
    /// separators are dropped from the text before looking.
    private func assertNoContact(in text: String, _ place: String, file: StaticString = #filePath, line: UInt = #line) {
        let lowered = text.lowercased()
        for email in Self.emails where lowered.contains(email.lowercased()) {
            XCTFail("\(place) shows \(email)", file: file, line: line)
        }
        let squeezed = String(text.unicodeScalars.filter { !" -().\u{00A0}".unicodeScalars.contains($0) }.map(Character.init))
        for phone in Self.allPhones {
            let national = String(phone.filter(\.isNumber).suffix(10))
            if squeezed.contains(national) { XCTFail("\(place) shows \(phone)", file: file, line: line) }
        }
    }

    func testWithMaskOnNoContactFromTheDataAppearsAnywhere() throws {
        let formats = ["csv", "tsv", "json", "ndjson", "md", "xlsx"]
        let exports = formats.map { #"export contacts to "out/contacts.\#($0)""# }
            + formats.map { #"export notes to "out/notes.\#($0)" with (mask: true)"# }
        try write("masked.sv", ([
            "set mask on",
            #"load "contacts.csv" as contacts"#, #"load "notes.csv" as notes"#,
            "map contacts as crm.clients",
            "from contacts", "from notes", "from crm.clients",
            "set format csv", "from contacts", "from notes",
            "set format json", "from contacts", "from notes",
            "set format markdown", "from contacts", "from notes",
            "set format table",
            "dedupe clients", "from duplicates",
            #"print "\#(Self.emails[4]) \#(Self.phones[0])""#,
            "on error continue",
            #"from contacts | where email == "\#(Self.emails[0])" and nmae == 1"#,
            #"from notes | where contact == "\#(Self.emails[4])" or text == "\#(Self.phones[5])" | select nothing"#,
        ] + exports).joined(separator: "\n") + "\n")
        let run = try SverkaProcess.run(["run", "masked.sv", "--log", "run.jsonl"], in: folder)
        XCTAssertEqual(run.exitCode, 1, run.stderr)
        // The run log holds every statement and error: the literal contacts in them are masked too.
        let log = try String(contentsOf: folder.appendingPathComponent("run.jsonl"), encoding: .utf8)
        XCTAssertTrue(log.contains("i***@") || log.contains("***@"), log)
        assertNoContact(in: log, "run.jsonl")
        XCTAssertTrue(run.stdout.contains("s***@example.com"), run.stdout)
        XCTAssertTrue(run.stdout.contains("+7 *** ***-**-67"), run.stdout)
        XCTAssertEqual(run.stderr.components(separatedBy: "exported 4 rows").count - 1, 6, run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "exported 3 rows").count - 1, 6, run.stderr)
        assertNoContact(in: run.stdout, "stdout")
        assertNoContact(in: run.stderr, "stderr")

        for format in ["csv", "tsv", "json", "ndjson", "md"] {
            for table in ["contacts", "notes"] {
                let text = try String(contentsOf: folder.appendingPathComponent("out/\(table).\(format)"), encoding: .utf8)
                assertNoContact(in: text, "\(table).\(format)")
            }
        }
        // The workbooks are zipped: read them back, unmasked, and look at what they held.
        try write("read.sv", """
            set format csv
            load "out/contacts.xlsx" as contacts_back
            from contacts_back
            load "out/notes.xlsx" as notes_back
            from notes_back

            """)
        let back = try SverkaProcess.run(["run", "read.sv"], in: folder)
        XCTAssertEqual(back.exitCode, 0, back.stderr)
        XCTAssertTrue(back.stdout.contains("i***@example.org"), back.stdout)
        assertNoContact(in: back.stdout, "the xlsx exports")
    }

    func testTheFixtureHoldsTheContactsUnmaskedWithoutTheSetting() throws {
        // The check above means something only if the same statements show the contacts otherwise.
        try write("plain.sv", "load \"contacts.csv\" as contacts\nload \"notes.csv\" as notes\nset format csv\nfrom contacts\nfrom notes\n")
        let run = try SverkaProcess.run(["run", "plain.sv"], in: folder)
        for email in Self.emails { XCTAssertTrue(run.stdout.lowercased().contains(email.lowercased()), email) }
        let squeezed = run.stdout.filter { !" -().".contains($0) }
        for phone in Self.allPhones { XCTAssertTrue(squeezed.contains(String(phone.filter(\.isNumber).suffix(10))), phone) }
    }

    func testTheHistoryFileKeepsStatementsMasked() throws {
        let shell = try TmuxSession()
        defer { shell.close() }
        try shell.start(["--no-init"])
        _ = try shell.run("set mask on")
        let shown = try shell.run(#"print "\#(Self.emails[0]), \#(Self.phones[1])""#)
        XCTAssertTrue(shown.contains("s***@example.com, +7 *** ***-**-21"), shown)
        _ = try shell.run(#"let api_token = "tok-history-8c7b6a5d""#)
        shell.press("C-d")
        try shell.waitFor(text: "[sverka exited 0]")
        let history = try XCTUnwrap(shell.read("history"), "no history file was written")
        XCTAssertTrue(history.contains(#"print "s***@example.com, +7 *** ***-**-21""#), history)
        assertNoContact(in: history, "the history file")
        XCTAssertFalse(history.contains("tok-history"), history)
    }

    func testASecretIsReadButNeverPrinted() throws {
        let token = "tok-e2e-5e4d3c2b1a"
        try write("token-open", token + "\n")
        try write("token-private", token + "\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.appendingPathComponent("token-open").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent("token-private").path)
        try write("data.csv", "id,value\n1,\(token)\n")
        try write("secret.sv", """
            on error continue
            secret amo from env "SVERKA_E2E_TOKEN"
            secret open from file "token-open"
            secret private from file "token-private"
            secrets
            set format csv
            secrets
            set format json
            secrets
            print $amo
            load "data.csv" as data
            from data
            from data | where value == $amo
            export data to "data-out.csv" with (password: "\(token)")

            """)
        let run = try SverkaProcess.run(["run", "secret.sv", "--log", "run.jsonl"], in: folder,
                                        environment: ["SVERKA_E2E_TOKEN": token])
        XCTAssertEqual(run.exitCode, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("secret amo is read from the environment variable SVERKA_E2E_TOKEN; it is never shown"), run.stderr)
        XCTAssertTrue(run.stderr.contains("error: the secret file token-open can be read by others (mode 0644)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("secret private is read from the file token-private; it is never shown"), run.stderr)
        XCTAssertTrue(run.stderr.contains("error: $amo holds a secret, which is never shown, compared or computed with"), run.stderr)
        XCTAssertTrue(run.stdout.contains(#""name": "private", "read from": "the file token-private""#), run.stdout)
        XCTAssertFalse(run.stdout.contains(token), run.stdout)
        XCTAssertFalse(run.stderr.contains(token), run.stderr)
        let log = try String(contentsOf: folder.appendingPathComponent("run.jsonl"), encoding: .utf8)
        XCTAssertFalse(log.isEmpty)
        XCTAssertFalse(log.contains(token), log)
    }
}
