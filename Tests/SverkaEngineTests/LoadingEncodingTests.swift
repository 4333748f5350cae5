import Foundation
@testable import SverkaEngine
import SverkaSyntax
import XCTest

/// Every encoding a load reads ends up as the same UTF-8 text, and bytes that belong to none
/// of them are an error with their place in the file, never mojibake in the table.
final class LoadingEncodingTests: CSVLoadingTestCase {
    private let text = "Клиент;Сумма;Комментарий\nООО «Ёлка»;12 345,67;счёт № 5\nИП Щукин;-1,00;тест — ок\n"
    private let expected: [[StoredValue]] = [[.text("ООО «Ёлка»"), .integer(1_234_567), .text("счёт № 5")],
                                             [.text("ИП Щукин"), .integer(-100), .text("тест — ок")]]

    func testWindows1251IsDetectedAndSaid() throws {
        let workspace = try Workspace(path: nil)
        let report = try load(TestEncodings.windows1251(text), options: LoadOptions(), into: workspace)
        XCTAssertEqual(try rows(workspace), expected)
        XCTAssertEqual(report.notes.first,
                       "encoding: Windows-1251 (detected: line 1 is not UTF-8); if it is KOI8-R: with (encoding: \"koi8-r\")")
        XCTAssertTrue(report.highlights.contains(report.notes[0]))
        XCTAssertTrue(report.notes.contains("separator: ';' (detected)"))
    }

    func testWindows1251AfterALongASCIIStartSwitchesWhereItBegins() throws {
        var head = "id;name\n"
        for index in 1...20_000 { head += "\(index);plain ascii\n" }  // far past the 64 KiB sample
        let bytes = Array(head.utf8) + TestEncodings.windows1251("20001;Иванов\n")
        let workspace = try Workspace(path: nil)
        let report = try load(bytes, options: LoadOptions(), into: workspace)
        XCTAssertEqual(report.rows, 20_001)
        XCTAssertEqual(try rows(workspace, "SELECT name FROM t WHERE id = 20001"), [[.text("Иванов")]])
        XCTAssertEqual(report.notes.first,
                       "encoding: Windows-1251 (detected: line 20002 is not UTF-8); if it is KOI8-R: with (encoding: \"koi8-r\")")
    }

    func testKOI8RWhenAsked() throws {
        let workspace = try Workspace(path: nil)
        var options = LoadOptions()
        options.encoding = .koi8r
        // KOI8-R has no «», № or —.
        let plain = text.replacingOccurrences(of: "«", with: "\"\"").replacingOccurrences(of: "»", with: "\"\"")
            .replacingOccurrences(of: "№", with: "N").replacingOccurrences(of: "—", with: "-")
        let report = try load(TestEncodings.koi8r(plain.replacingOccurrences(of: "ООО \"\"Ёлка\"\"", with: "\"ООО \"\"Ёлка\"\"\"")),
                              options: options, into: workspace)
        XCTAssertEqual(try rows(workspace), [[.text("ООО \"Ёлка\""), .integer(1_234_567), .text("счёт N 5")],
                                             [.text("ИП Щукин"), .integer(-100), .text("тест - ок")]])
        XCTAssertEqual(report.notes.first, "encoding: KOI8-R (as requested)")
    }

    func testUTF16BothByteOrdersWithAMark() throws {
        for bigEndian in [false, true] {
            let workspace = try Workspace(path: nil)
            let report = try load(TestEncodings.utf16(text + "😀;1;x\n", bigEndian: bigEndian), options: LoadOptions(),
                                  into: workspace)
            XCTAssertEqual(Array(try rows(workspace).prefix(2)), expected, "big endian: \(bigEndian)")
            XCTAssertEqual(try rows(workspace, "SELECT \"Клиент\" FROM t WHERE rowid = 3"), [[.text("😀")]])
            XCTAssertEqual(report.notes.first, "encoding: UTF-16\(bigEndian ? "BE" : "LE") (from its byte order mark)")
        }
    }

    func testUTF16WithoutAMarkIsRecognisedByItsZeros() throws {
        let workspace = try Workspace(path: nil)
        let report = try load(TestEncodings.utf16("id,name\n1,Anna\n2,Boris\n", bigEndian: false, byteOrderMark: false),
                              options: LoadOptions(), into: workspace)
        XCTAssertEqual(try rows(workspace), [[.integer(1), .text("Anna")], [.integer(2), .text("Boris")]])
        XCTAssertTrue(report.notes[0].hasPrefix("encoding: UTF-16LE (no byte order mark"), report.notes[0])
    }

    func testTranscodingAcrossChunkBoundaries() throws {
        // Enough two-byte output that chunk ends fall inside characters and surrogate pairs.
        var source = "n;text\n"
        for index in 0..<40_000 { source += "\(index);Жёлтый 😀 \(index)\n" }
        for (bytes, options) in [(TestEncodings.utf16(source, bigEndian: false), LoadOptions()),
                                 (TestEncodings.windows1251(source.replacingOccurrences(of: "😀", with: "x")), LoadOptions())] {
            let workspace = try Workspace(path: nil)
            let report = try load(bytes, options: options, into: workspace)
            XCTAssertEqual(report.rows, 40_000)
            let last = try workspace.database.scalar("SELECT text FROM t WHERE n = 39999")
            XCTAssertTrue(last == .text("Жёлтый 😀 39999") || last == .text("Жёлтый x 39999"), "\(String(describing: last))")
        }
    }

    func testInvalidBytesWhenUTF8IsAskedForAreAnError() throws {
        var options = LoadOptions()
        options.encoding = .utf8
        let bytes = Array("a;b\n1;".utf8) + TestEncodings.windows1251("Иван\n")
        let (error, path) = try loadError(bytes, options: options)
        XCTAssertEqual(error.message, "the file is not valid UTF-8: bytes 0xC8 0xE2 0xE0 0xED here")
        XCTAssertEqual(error.location, "\(path):2:3")
        XCTAssertEqual(error.hints, ["if the file is in Windows-1251: with (encoding: \"windows-1251\")"])
    }

    func testMixedEncodingsAreAnErrorNotMojibake() throws {
        let bytes = Array("name;n\nЖуков;1\n".utf8) + TestEncodings.windows1251("Иванов;2\n")
        let (error, path) = try loadError(bytes, options: LoadOptions())
        XCTAssertEqual(error.message, "the file is not valid UTF-8: bytes 0xC8 0xE2 0xE0 0xED here")
        XCTAssertEqual(error.location, "\(path):3:1")
        XCTAssertEqual(error.hints.first,
                       "line 2 holds UTF-8 text, so the file mixes encodings; convert the other part, e.g. with iconv")
    }

    func testBrokenUTF16AndUndefinedWindows1251Bytes() throws {
        var units = TestEncodings.utf16("a\nok\nx", bigEndian: false)
        units += [0x3D, 0xD8]  // a high surrogate with nothing after it
        units += TestEncodings.utf16("\n", bigEndian: false, byteOrderMark: false)
        let (lone, lonePath) = try loadError(units, options: LoadOptions())
        XCTAssertEqual(lone.message, "the file is not valid UTF-16LE: a lone surrogate 0xD83D here")
        XCTAssertEqual(lone.location, "\(lonePath):3:2")
        let (odd, _) = try loadError(TestEncodings.utf16("a\n1\n", bigEndian: true) + [0x00], options: LoadOptions())
        XCTAssertEqual(odd.message, "the file is not valid UTF-16BE: it ends in the middle of a character")
        var options = LoadOptions()
        options.encoding = .windows1251
        let (undefined, undefinedPath) = try loadError(Array("a\nxy".utf8) + [0x98] + Array("\n".utf8), options: options)
        XCTAssertEqual(undefined.message, "the file is not valid Windows-1251: byte 0x98 has no character in it")
        XCTAssertEqual(undefined.location, "\(undefinedPath):2:3")
    }

    func testAByteOrderMarkThatContradictsTheOption() throws {
        var options = LoadOptions()
        options.encoding = .windows1251
        let (error, _) = try loadError([0xEF, 0xBB, 0xBF] + Array("a\n1\n".utf8), options: options)
        XCTAssertTrue(error.message.hasSuffix("starts with a UTF-8 byte order mark, but encoding: \"windows-1251\" was asked for"),
                      error.message)
    }

    func testTheLoaderAndTheExporterAgreeOnWindows1251() {
        // Every byte the export writes reads back as the character it was written for.
        for (offset, code) in Windows1251Encoder.upperHalf.enumerated() where code != 0 {
            let entry = SingleByteCodePage.windows1251.utf8[0x80 + offset]
            let scalar = Unicode.Scalar(code).map { Array(String($0).utf8) } ?? []
            let packed = (0..<Int(entry >> 24)).map { UInt8(truncatingIfNeeded: entry >> (8 * $0)) }
            XCTAssertEqual(packed, scalar, "byte 0x\(String(0x80 + offset, radix: 16))")
        }
    }
}
