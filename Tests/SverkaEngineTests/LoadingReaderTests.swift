import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

/// The chunked reader where chunks meet, and its guard against a quote that never closes.
final class LoadingReaderTests: CSVLoadingTestCase {
    /// A 1 MiB chunk boundary placed at every byte of a row full of awkward pairs: CRLF, a
    /// doubled quote, a closing quote, two-byte Cyrillic, a four-byte emoji.
    func testChunkBoundaryAtEveryByteOfATrickyRow() throws {
        let tricky = Array("\"Ж\"\"😀\",Ю\r\n".utf8)
        let header = Array("text,n\r\n".utf8)
        // Long rows keep the row count, and so the test's time, small.
        let row = Array((String(repeating: "x", count: 1000) + ",1\r\n").utf8)
        let filler = [UInt8]((0..<((1 << 20) - 2000) / row.count).map { _ in row }.joined())
        for shift in 0...tricky.count {
            var bytes = header + filler
            // One row of y's brings the next row's start to exactly `shift` bytes before 1 MiB.
            bytes += [UInt8](repeating: UInt8(ascii: "y"), count: (1 << 20) - shift - bytes.count - 3) + Array(",1\n".utf8)
            XCTAssertEqual(bytes.count, (1 << 20) - shift)
            bytes += tricky + Array("end,2\r\n".utf8)
            let path = try write(bytes, to: "shift\(shift).csv")
            let workspace = try Workspace(path: nil)
            // Text columns: 1043 ones and a "Ю" would otherwise make n an integer column with a bad value.
            _ = try CSVLoader().load(LoadRequest(path: path, table: "t", options: LoadOptions(columnTypes: ["n": .text])),
                                     into: workspace)
            XCTAssertEqual(try rows(workspace, "SELECT * FROM t ORDER BY rowid DESC LIMIT 2"),
                           [[.text("end"), .text("2")], [.text("Ж\"😀"), .text("Ю")]], "shift \(shift)")
        }
    }

    func testRunawayQuoteStopsAtTheRecordLimit() throws {
        var text = "a,b\n1,2\n3,\"open\n"
        for index in 0..<300_000 { text += "\(index),row\n" }  // about 3.2 MB after the quote
        let path = try write(text)
        let reader = try CSVRecordReader(file: CSVInputFile(path: path), dialect: .comma, displayPath: "big.csv",
                                         maximumRecordBytes: 2 << 20)
        XCTAssertNotNil(try reader.nextRecord())
        XCTAssertNotNil(try reader.nextRecord())
        XCTAssertThrowsError(try reader.nextRecord()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "a quoted field opened here is still open after 2 MB: its closing quote is probably missing")
            XCTAssertEqual((error as? Diagnostic)?.location, "big.csv:3:3")
        }
    }
}
