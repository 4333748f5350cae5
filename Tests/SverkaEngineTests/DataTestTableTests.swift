import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// How `test_failures` keeps the rows of many tests, and what a test refuses to do.
final class DataTestTableTests: DataTestCase {
    func testARunReplacesItsOwnRowsAndKeepsTheOthers() throws {
        try load("id,parent\na,\nb,a\nb,z\nc,y\n", as: "nodes")
        try run(DataTest(column: column("nodes", "id"), check: .unique, name: "unique ids"))
        try run(DataTest(column: column("nodes", "parent"), check: .references(column("nodes", "id")), name: "parents"))
        XCTAssertEqual(try failures(of: "unique ids"), [Pair("b", "2")])
        XCTAssertEqual(try failures(of: "parents"), [Pair("b", "z"), Pair("c", "y")])

        try workspace.database.run("DELETE FROM nodes WHERE parent = 'z'")
        let again = try run(DataTest(column: column("nodes", "id"), check: .unique, name: "unique ids"))
        XCTAssertEqual(again.failures, 0)
        XCTAssertEqual(again.status, .pass)
        XCTAssertEqual(try failures(of: "unique ids"), [])
        XCTAssertEqual(try failures(of: "parents"), [Pair("b", "z"), Pair("c", "y")], "another test's rows stay")
    }

    func testTheTableIsRegisteredWithTextColumns() throws {
        try load("id\n1\n1\n", as: "t")
        try run(DataTest(column: column("t", "id"), check: .unique, name: "t"))
        let schema = try XCTUnwrap(workspace.catalog.schema(of: "test_failures"))
        XCTAssertEqual(schema.columns, [ResultColumn(name: "test", type: .text), ResultColumn(name: "key", type: .text),
                                        ResultColumn(name: "value", type: .text)])
    }

    func testAMistakeChangesNothing() throws {
        try load("id\n1\n1\n", as: "t")
        try run(DataTest(column: column("t", "id"), check: .unique, name: "t ids"))
        XCTAssertThrowsError(try run(DataTest(column: column("t", "nope"), check: .unique, name: "t ids"))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "unknown column 'nope' in t")
        }
        XCTAssertThrowsError(try run(DataTest(column: column("t", "id"), check: .references(column("nowhere", "id")), name: "t ids")))
        XCTAssertEqual(try failures(of: "t ids"), [Pair("1", "2")])
    }

    func testAUserTableNamedTestFailuresIsNeverWrittenOver() throws {
        try load("test,key,value\nmine,1,2\n", as: "test_failures")
        try load("id\n1\n1\n", as: "t")
        XCTAssertThrowsError(try run(DataTest(column: column("t", "id"), check: .unique, name: "t"))) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.contains("was loaded from") ?? false, "\(error)")
        }
        XCTAssertEqual(try failures(of: "mine"), [Pair("1", "2")])
    }

    func testATableOfOneColumnHasNoKeyForItsNulls() throws {
        // A CSV cannot hold a null in its only column (a blank line is skipped): made with SQL.
        try workspace.database.execute("CREATE TABLE codes (code TEXT); INSERT INTO codes VALUES ('A'), (NULL), ('B')")
        try run(DataTest(column: column("codes", "code"), check: .notNull, name: "codes"))
        XCTAssertEqual(try failures(of: "codes"), [Pair(nil, nil)])
    }

    func testReferencesCompareTextSoNumbersMeetTheirDigits() throws {
        try load("id\n7\n8\n", as: "parents", types: ["id": .integer])
        try load("ref\n7\n007\n9\n", as: "children", types: ["ref": .text])
        try run(DataTest(column: column("children", "ref"), check: .references(column("parents", "id")), name: "refs"))
        XCTAssertEqual(try failures(of: "refs"), [Pair(nil, "007"), Pair(nil, "9")])
    }
}
