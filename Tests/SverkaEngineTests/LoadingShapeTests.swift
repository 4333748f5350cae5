import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Separators, headers and file shapes: found from the first rows, or given.
final class LoadingShapeTests: CSVLoadingTestCase {
    func testSeparatorIsFoundAmongTheCandidates() throws {
        for (separator, name) in [(";", "';'"), ("\t", "tab"), ("|", "'|'")] {
            let text = ["id", "name", "amount"].joined(separator: separator) + "\n"
                + ["1", "\"a\(separator)b, c\"", "1,5"].joined(separator: separator) + "\n"
            let (workspace, report) = try load(text)
            XCTAssertEqual(report.columns.map(\.name), ["id", "name", "amount"], name)
            XCTAssertEqual(try rows(workspace), [[.integer(1), .text("a\(separator)b, c"), .integer(15)]], name)
            XCTAssertTrue(report.notes.contains("separator: \(name) (detected)"), "\(report.notes)")
        }
    }

    func testTabByExtensionAndByOption() throws {
        let workspace = try Workspace(path: nil)
        let report = try load(Array("a,b\tc\n1,2\t3\n".utf8), name: "data.tsv", options: LoadOptions(), into: workspace)
        XCTAssertEqual(report.columns.map(\.name), ["a,b", "c"])
        XCTAssertTrue(report.notes.contains("separator: tab (a .tsv file)"))
        var options = LoadOptions()
        options.delimiter = UInt8(ascii: ";")
        let forced = try load(Array("a,b;c\n1,2;3\n".utf8), options: options, into: workspace)
        XCTAssertEqual(forced.columns.map(\.name), ["a,b", "c"])
        XCTAssertTrue(forced.notes.contains("separator: ';' (as requested)"))
    }

    func testHeaderFalseNamesTheColumns() throws {
        var options = LoadOptions(columnTypes: ["c2": .text])
        options.header = false
        let workspace = try Workspace(path: nil)
        let report = try load(Array("1;007\n2;008\n".utf8), options: options, into: workspace)
        XCTAssertEqual(report.columns, [ResultColumn(name: "c1", type: .integer), ResultColumn(name: "c2", type: .text)])
        XCTAssertEqual(report.rows, 2)
        XCTAssertEqual(try rows(workspace), [[.integer(1), .text("007")], [.integer(2), .text("008")]])
    }

    func testOneColumnFileSaysNoSeparatorWasFound() throws {
        let (_, report) = try load("name\nАнна\nБорис\n")
        XCTAssertEqual(report.notes[1], "separator: none of , ; tab | in the first line, so one column; to split it: with (delimiter: \"…\")")
    }

    func testNulInAHeaderNameIsAnError() throws {
        let (error, path) = try loadError(Array("id,na".utf8) + [0] + Array("me\n1,x\n".utf8))
        XCTAssertEqual(error.message, "column 2's name holds a NUL byte (0x00)")
        XCTAssertEqual(error.location, "\(path):1:4")
    }

    func testMalformedFiles() throws {
        // A quote never closed, far down the file.
        var text = "a,b\n"
        for index in 1...10_000 { text += "\(index),x\n" }
        text += "10001,\"open\n10002,y\n"
        let (quote, quotePath) = try loadError(text)
        XCTAssertEqual(quote.location, "\(quotePath):10002:7")
        XCTAssertTrue(quote.message.hasPrefix("a quoted field opened here is never closed"))
        // A huge field loads whole.
        let huge = String(repeating: "ж", count: 3_000_000)
        let (workspace, _) = try load("id,text\n1,\"\(huge)\"\n2,short\n")
        XCTAssertEqual(try workspace.database.scalar("SELECT length(text) FROM t WHERE id = 1"), .integer(3_000_000))
        // A file that is only a byte order mark and blank lines.
        let (blank, _) = try loadError([0xEF, 0xBB, 0xBF, 0x0A, 0x0A])
        XCTAssertTrue(blank.message.hasSuffix("the file has no header row, only blank lines"))
    }

    func testProgressIsReportedForBothPasses() throws {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var passes = Set<Int>()
            var last = 0.0
        }
        var text = "id,name\n"
        for index in 1...200_000 { text += "\(index),n\(index)\n" }
        let path = try write(text)
        let seen = Seen()
        let request = LoadRequest(path: path, table: "t") { progress in
            seen.lock.lock()
            seen.passes.insert(progress.pass)
            seen.last = progress.fraction
            seen.lock.unlock()
        }
        _ = try CSVLoader().load(request, into: try Workspace(path: nil))
        XCTAssertEqual(seen.passes, [1, 2])
        XCTAssertGreaterThan(seen.last, 0.5)
        XCTAssertLessThanOrEqual(seen.last, 1)
    }
}
