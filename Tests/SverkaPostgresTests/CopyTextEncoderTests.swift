import XCTest
@testable import SverkaPostgres

final class CopyTextEncoderTests: XCTestCase {
    func testEscapesAndNulls() {
        var encoder = CopyTextEncoder(reservingCapacity: 64)
        encoder.append(row: ["a\tb", nil, "line\nbreak\r", #"back\slash"#, "", "Сверка", #"\N"#])
        encoder.append(row: [nil])
        let expected = #"a\tb"# + "\t" + #"\N"# + "\t" + #"line\nbreak\r"# + "\t" + #"back\\slash"# + "\t\tСверка\t" + #"\\N"# + "\n" + #"\N"# + "\n"
        XCTAssertEqual(String(decoding: encoder.take(), as: UTF8.self), expected)
        XCTAssertTrue(encoder.bytes.isEmpty)
    }

    func testIdentifierQuoting() {
        XCTAssertEqual(PostgresIdentifier.quoted(#"Сумма "с" НДС"#), #""Сумма ""с"" НДС""#)
        XCTAssertEqual(PostgresIdentifier.quotedInside(#"a"b"#), #"a""b"#)
    }
}
