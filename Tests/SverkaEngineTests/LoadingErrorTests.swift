import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Every way a load can fail, each with the exact `file:line:column` (line: physical line in the
/// file; column: character column, 1-based).
final class LoadingErrorTests: CSVLoadingTestCase {
    func testTypedOverrideNamesLineColumnValueAndType() throws {
        let (error, path) = try loadError("id,amount\n1,2.50\n2,\"12,3x\"\n", types: ["amount": .decimal(scale: 2)])
        XCTAssertEqual(error.message, "column 'amount' (decimal(2)) cannot hold \"12,3x\"")
        XCTAssertEqual(error.location, "\(path):3:3")
        XCTAssertEqual(error.hints.first, "expected a number like 1234.55 (a point, no spaces or commas)")
    }

    func testOverrideRefusesToRound() throws {
        let (error, path) = try loadError("amount\n1.005\n", types: ["amount": .decimal(scale: 2)])
        XCTAssertEqual(error.message, "column 'amount' (decimal(2)) cannot hold \"1.005\"")
        XCTAssertEqual(error.location, "\(path):2:1")
        XCTAssertEqual(error.hints.first, "it has 3 decimal places and decimal(2) keeps 2 places; loads never round")
    }

    func testOverrideOutOfRangeAndBadDate() throws {
        let (range, rangePath) = try loadError("n\n99999999999999999999\n", types: ["n": .integer])
        XCTAssertEqual(range.location, "\(rangePath):2:1")
        XCTAssertEqual(range.hints.first, "it is beyond 64-bit integers; load the column as text")
        let (date, datePath) = try loadError("x,d\n1,2026-01-01\nдва,31.12.2026\n", types: ["d": .date])
        XCTAssertEqual(date.message, "column 'd' (date) cannot hold \"31.12.2026\"")
        XCTAssertEqual(date.location, "\(datePath):3:5")
    }

    func testUnknownOverrideColumnSuggestsOne() throws {
        let (error, _) = try loadError("id,amount\n1,2\n", types: ["amout": .text])
        XCTAssertEqual(error.message.hasPrefix("no column 'amout' in '"), true)
        XCTAssertEqual(error.hints, ["did you mean 'amount'?", "its columns: id, amount"])
    }

    func testRaggedRows() throws {
        let (more, morePath) = try loadError("a,b\n1,2\n\"x\ny\",2,3\n")
        XCTAssertEqual(more.message, "this row has 3 fields, the header has 2")
        XCTAssertEqual(more.location, "\(morePath):4:6")  // the extra field, after the quoted line break
        let (fewer, fewerPath) = try loadError("a,b,c\n1,2,3\nж,2\n")
        XCTAssertEqual(fewer.message, "this row has 2 fields, the header has 3")
        XCTAssertEqual(fewer.location, "\(fewerPath):3:4")
    }

    func testUnterminatedQuoteNamesWhereItOpened() throws {
        let (error, path) = try loadError("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n")
        XCTAssertEqual(error.message, "a quoted field opened here is never closed: the quote runs to the end of the file")
        XCTAssertEqual(error.location, "\(path):3:3")
    }

    func testTextAfterAClosingQuote() throws {
        let (error, path) = try loadError("a\n\"ООО \"Ромашка\"\"\n")
        XCTAssertEqual(error.message, "unexpected text after a closing quote")
        XCTAssertEqual(error.location, "\(path):2:7")
    }

    func testInvalidUTF8NamesLineAndColumnWithoutMojibake() throws {
        // "Иванов" in Windows-1251 after two good characters on line 3.
        let bytes = Array("name,n\nok,1\nЖx".utf8) + [0xC8, 0xE2, 0xE0, 0xED, 0xEE, 0xE2] + Array(",2\n".utf8)
        let (error, path) = try loadError(bytes)
        XCTAssertEqual(error.message, "the file is not valid UTF-8: bytes 0xC8 0xE2 0xE0 0xED here")
        XCTAssertEqual(error.location, "\(path):3:3")
        // Asked to be UTF-8, a sequence cut off by the end of the file is an error too.
        var utf8 = LoadOptions()
        utf8.encoding = .utf8
        let (truncated, truncatedPath) = try loadError(Array("a\n".utf8) + [0xD0], options: utf8)
        XCTAssertEqual(truncated.location, "\(truncatedPath):2:1")
    }

    func testMissingFileDirectoryAndEmptyFile() throws {
        let workspace = try Workspace(path: nil)
        let missing = directory.appendingPathComponent("nope.csv").path
        XCTAssertThrowsError(try CSVLoader().load(LoadRequest(path: missing, table: "t"), into: workspace)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "cannot load '\(missing)': no such file")
        }
        XCTAssertThrowsError(try CSVLoader().load(LoadRequest(path: directory.path, table: "t"), into: workspace)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "cannot load '\(directory.path)': it is a directory, not a file")
        }
        let (empty, emptyPath) = try loadError("")
        XCTAssertEqual(empty.message, "cannot load '\(emptyPath)': the file is empty")
        let (blank, blankPath) = try loadError("\u{FEFF}\n\r\n")
        XCTAssertEqual(blank.message, "cannot load '\(blankPath)': the file has no header row, only blank lines")
    }

    func testReservedAndConflictingTableNames() throws {
        let workspace = try Workspace(path: nil)
        let path = try write("a\n1\n")
        XCTAssertThrowsError(try CSVLoader().load(LoadRequest(path: path, table: "_sverka_tables"), into: workspace)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "'_sverka_tables' is reserved: names starting with '_sverka_' belong to sverka's own tables")
        }
        try workspace.catalog.saveQuery(name: "big", definition: "from t", columns: [])
        XCTAssertThrowsError(try CSVLoader().load(LoadRequest(path: path, table: "big"), into: workspace)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "'big' is a named query; a load cannot replace it")
        }
    }
}
