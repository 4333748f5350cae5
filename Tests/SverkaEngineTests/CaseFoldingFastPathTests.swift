import SverkaEngine
import XCTest

/// sverka's `lower` and `upper` fold ASCII text byte by byte and return text that needs no
/// change as it came; the results must be exactly what Unicode case mapping gives.
final class CaseFoldingFastPathTests: XCTestCase {
    private func value(_ sql: String) throws -> StoredValue? {
        try Workspace(path: nil).database.scalar(sql)
    }

    func testASCIIFoldsLikeUnicode() throws {
        XCTAssertEqual(try value("SELECT lower('Closed WON 2')"), .text("closed won 2"))
        XCTAssertEqual(try value("SELECT upper('closed won-2 @x')"), .text("CLOSED WON-2 @X"))
        XCTAssertEqual(try value("SELECT lower('won')"), .text("won"))
        XCTAssertEqual(try value("SELECT upper('WON')"), .text("WON"))
        XCTAssertEqual(try value("SELECT lower('')"), .text(""))
        XCTAssertEqual(try value("SELECT lower(NULL)"), .null)
    }

    /// A number is read as text and comes back as text, as SQLite's own functions return it.
    func testNumbersComeBackAsText() throws {
        XCTAssertEqual(try value("SELECT typeof(lower(123))"), .text("text"))
        XCTAssertEqual(try value("SELECT lower(12.5)"), .text("12.5"))
    }

    func testNonASCIIStillFoldsByUnicode() throws {
        XCTAssertEqual(try value("SELECT lower('Успешно РЕАЛИЗОВАНО')"), .text("успешно реализовано"))
        XCTAssertEqual(try value("SELECT upper('ёлки Won')"), .text("ЁЛКИ WON"))
    }
}
