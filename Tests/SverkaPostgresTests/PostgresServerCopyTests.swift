import SverkaSyntax
import XCTest
@testable import SverkaPostgres

final class PostgresServerCopyTests: XCTestCase {
    /// Row `n` of the copied data: awkward text, nulls, every escape of the text format.
    private func row(_ n: Int) -> [String?] {
        let awkward: [String] = ["plain", "tab\there", "new\nline", "cr\rlf\r\n", #"back\slash"#, #"\N"#, "", "Сверка № \(n)", "\"quoted\"", "\\."]
        return [String(n), n % 7 == 0 ? nil : awkward[n % awkward.count] + " \(n)", n % 5 == 0 ? nil : String(n * 125) + ".50"]
    }

    func testCopyAndReadBack() throws {
        let server = try LiveServer.connect()
        let table = LiveServer.uniqueTable("copy")
        let quoted = PostgresIdentifier.quoted(table)
        try server.execute("CREATE TABLE \(quoted) (id bigint, \"Описание \"\"1\"\"\" text, amount numeric(28, 2))")
        defer { try? server.execute("DROP TABLE IF EXISTS \(quoted)"); server.close() }
        let total = 50_000
        try server.execute("BEGIN")
        try server.copy(into: table, inSchema: "public", columns: ["id", "Описание \"1\"", "amount"]) { send throws(Diagnostic) in
            for n in 1...total { try send(row(n)) }
        }
        try server.execute("COMMIT")

        var count = 0
        try server.query("SELECT id::text AS id_text, \"Описание \"\"1\"\"\", amount::text FROM \(quoted) ORDER BY id",
                         columns: { _ in }, row: { values in
                             count += 1
                             XCTAssertEqual(values, self.row(count))
                         })
        XCTAssertEqual(count, total)
    }

    func testRefusedRowReportsTheServerReasonAndLeavesNothing() throws {
        let server = try LiveServer.connect()
        let table = LiveServer.uniqueTable("copybad")
        let quoted = PostgresIdentifier.quoted(table)
        try server.execute("CREATE TABLE \(quoted) (id int, amount numeric(12, 2))")
        defer { try? server.execute("DROP TABLE IF EXISTS \(quoted)"); server.close() }
        do {
            try server.copy(into: table, columns: ["id", "amount"]) { send throws(Diagnostic) in
                for n in 1...100_000 { try send([String(n), n == 3 ? "12,5" : "1.5"]) }
            }
            XCTFail("the bad row was taken")
        } catch {
            XCTAssertTrue(error.message.hasPrefix("postgres: invalid input syntax for type numeric"), error.message)
            XCTAssertTrue(error.message.hasSuffix("(SQLSTATE 22P02)"), error.message)
            XCTAssertTrue(error.hints.contains { $0.contains("line 3") }, "\(error.hints)")
        }
        XCTAssertEqual(try server.scalarText("SELECT count(*)::text FROM \(quoted)"), "0")
    }

    func testProducerErrorAbandonsTheCopy() throws {
        let server = try LiveServer.connect()
        let table = LiveServer.uniqueTable("copystop")
        let quoted = PostgresIdentifier.quoted(table)
        try server.execute("CREATE TABLE \(quoted) (n int)")
        defer { try? server.execute("DROP TABLE IF EXISTS \(quoted)"); server.close() }
        do {
            try server.copy(into: table, columns: ["n"]) { send throws(Diagnostic) in
                for n in 1...60_000 { try send([String(n)]) }
                throw stopReading
            }
            XCTFail("the producer's error was lost")
        } catch {
            XCTAssertEqual(error.message, stopReading.message)
        }
        XCTAssertEqual(try server.scalarText("SELECT count(*)::text FROM \(quoted)"), "0")

        do {
            try server.copy(into: table, columns: ["n"]) { send throws(Diagnostic) in try send(["1", "2"]) }
            XCTFail("a row of the wrong width was sent")
        } catch {
            XCTAssertEqual(error.message, "row 1 for \(table) has 2 values; the copy has 1 columns")
        }
        try server.copy(into: table, columns: ["n"]) { send throws(Diagnostic) in try send(["7"]) }
        XCTAssertEqual(try server.scalarText("SELECT string_agg(n::text, ',') FROM \(quoted)"), "7")
    }
}
