import Foundation
import XCTest

/// An attached server at the prompt: a pushed-down query answers, and Ctrl-C during a long
/// server statement cancels it on the server and gives the prompt back.
final class InteractivePostgresTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    func testCtrlCCancelsALongServerStatement() throws {
        let url = try PostgresTestServer.url()
        let password = ProcessInfo.processInfo.environment["PGPASSWORD"] ?? ""
        try shell.start(["--no-init"], environment: ["PGPASSWORD": password])
        let attached = try shell.run(#"attach postgres "\#(url)" as wh"#)
        XCTAssertTrue(attached.contains("attached wh"), attached)
        let answer = try shell.run(#"load postgres "\#(url)" query "select 40 + 2 as answer" as answers"#)
        XCTAssertTrue(answer.contains("loaded 1 row into answers (answer integer)"), answer)

        shell.type(#"load postgres "\#(url)" query "select pg_sleep(60) as slept" as slow"#)
        shell.press("Enter")
        try shell.waitFor("the statement to start") { TmuxSession.lastLine(of: $0).hasSuffix(#"as slow"#) }
        Thread.sleep(forTimeInterval: 1)
        XCTAssertTrue(TmuxSession.lastLine(of: shell.screen()).hasSuffix("as slow"), "not running:\n\(shell.screen())")

        let pressed = Date()
        shell.press("C-c")
        let screen = try shell.waitFor("the prompt after Ctrl-C", timeout: 10) {
            $0.contains("interrupted") && TmuxSession.lastLine(of: $0) == TmuxSession.prompt
        }
        let elapsed = Date().timeIntervalSince(pressed)
        XCTAssertLessThan(elapsed, 5, "Ctrl-C took \(elapsed) s to stop the server's statement")
        XCTAssertTrue(screen.contains("load interrupted"), screen)
        // The connection and the session both go on.
        let after = try shell.run(#"from answers | select answer"#)
        XCTAssertTrue(after.contains("42"), after)
        let tables = try shell.run("tables")
        XCTAssertFalse(tables.contains("slow"), tables)
    }
}
