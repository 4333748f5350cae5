import Foundation
import XCTest

/// `~/.sverkarc` runs when the interactive shell starts, unless `--no-init`.
final class InteractiveInitFileTests: XCTestCase {
    private var shell: TmuxSession!

    override func setUpWithError() throws {
        shell = try TmuxSession()
        // HOME is the test's folder.
        try shell.write("let x = 41\n", to: ".sverkarc")
    }

    override func tearDownWithError() throws {
        shell?.close()
        shell = nil
    }

    func testInitFileRunsAtStart() throws {
        try shell.start([])
        let output = try shell.run("print $x + 1")
        XCTAssertEqual(output, "42")
    }

    func testNoInitSkipsTheInitFile() throws {
        try shell.start(["--no-init"])
        let output = try shell.run("print $x + 1")
        XCTAssertTrue(output.contains("unknown variable $x"))
    }
}
