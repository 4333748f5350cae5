import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

/// Every way a JSON load can fail: the message, `file:line:column`, and the hints.
final class LoadingJSONErrorTests: StructuredLoadingTestCase {
    /// Loads `text` from `name` and returns the error with the location's `line:column` part.
    private func jsonError(_ text: String, name: String = "bad.json", path: String? = nil,
                           file: StaticString = #filePath, line: UInt = #line) throws -> (Diagnostic, String?) {
        try jsonError(Array(text.utf8), name: name, path: path, file: file, line: line)
    }

    private func jsonError(_ bytes: [UInt8], name: String = "bad.json", path: String? = nil,
                           file: StaticString = #filePath, line: UInt = #line) throws -> (Diagnostic, String?) {
        let filePath = try write(bytes, to: name)
        let workspace = try Workspace(path: nil)
        let error = failure(file: file, line: line) { () throws(Diagnostic) in
            _ = try JSONLoader().load(LoadRequest(path: filePath, table: "t"), structured: StructuredLoadOptions(path: path),
                                      into: workspace)
        }
        let position = error.location.map { $0.hasPrefix(filePath + ":") ? String($0.dropFirst(filePath.count + 1)) : $0 }
        return (error, position)
    }

    func testSyntaxErrorsNameWhereAndWhatWasFound() throws {
        let cases: [(String, String, String)] = [
            ("[{\"id\": 1,}]", "invalid JSON: expected a key in double quotes, found '}'", "1:11"),
            ("[{\"id\": 1} {\"id\": 2}]", "invalid JSON: expected ',' or ']' after an element of an array, found '{'", "1:12"),
            ("[\n  {\"id\": 1},\n", "invalid JSON: expected a value, found the end of the file", "3:1"),
            ("[{\"id\": \"abc}]\n", "invalid JSON: a line break inside a string", "1:15"),
            ("[{\"id\": \"abc}]", "invalid JSON: a string opened here is never closed", "1:9"),
            ("[{\"a\": 01}]", "invalid JSON: \"01\" is not a number", "1:8"),
            ("[{\"a\": 1.}]", "invalid JSON: \"1.\" is not a number", "1:8"),
            ("[{'a': 1}]", "invalid JSON: expected a key in double quotes, found '''", "1:3"),
            ("[{\"a\" 1}]", "invalid JSON: expected ':' after the key, found '1'", "1:7"),
            ("[{\"a\": \"x\ny\"}]", "invalid JSON: a line break inside a string", "1:10"),
            ("[{\"a\": \"\\x\"}]", "invalid JSON: the escape \"\\x\" is an unknown escape", "1:9"),
            ("[{\"a\": \"\\udc00\"}]", "invalid JSON: the escape \"\\udc00\" is a lone half of a surrogate pair", "1:9"),
            ("[{\"a\": True}]", "invalid JSON: expected a value (a string, number, object, array, true, false or null), found 'T'", "1:8"),
            ("[{\"a\": 1}] x", "invalid JSON: more content after the end of the document, found 'x'", "1:12"),
            ("[{\"ж\": \"ё\", \"a\": ?}]", "invalid JSON: expected a value (a string, number, object, array, true, false or null), found '?'", "1:18"),
        ]
        for (text, message, position) in cases {
            let (error, location) = try jsonError(text)
            XCTAssertEqual(error.message, message, text)
            XCTAssertEqual(location, position, text)
        }
        let (comma, _) = try jsonError("[{\"id\": 1,}]")
        XCTAssertEqual(comma.hints, ["JSON allows no comma before '}'"])
        let (quotes, _) = try jsonError("[{'a': 1}]")
        XCTAssertEqual(quotes.hints, ["JSON strings use double quotes"])
        let (truncated, _) = try jsonError("[{\"id\": 1},")
        XCTAssertEqual(truncated.hints, ["the file may be cut short"])
        let (unclosed, _) = try jsonError("[{\"id\": \"abc}]\n")
        XCTAssertEqual(unclosed.hints.first, "is the closing quote of the string opened at 1:9 missing?")
        let (trailing, _) = try jsonError("[{\"a\": 1},]")
        XCTAssertEqual(trailing.hints, ["JSON allows no comma before ']'"])
    }

    func testPathErrorsListWhatIsThere() throws {
        let document = #"{"_page": 2, "_embedded": {"contacts": [], "companies": []}}"#
        let (missing, missingAt) = try jsonError(document, path: "_embedded.leads")
        XCTAssertEqual(missing.message, "no key 'leads' in the object at '_embedded'")
        XCTAssertEqual(missingAt, "1:27")
        XCTAssertEqual(missing.hints.last, "keys at '_embedded': contacts, companies")

        let (typo, _) = try jsonError(document, path: "_embeded.leads")
        XCTAssertEqual(typo.message, "no key '_embeded' in the object at the top level")
        XCTAssertEqual(typo.hints, ["did you mean '_embedded'?", "keys at the top level: _page, _embedded"])

        let (notArray, notArrayAt) = try jsonError(#"{"data": {"id": 1, "name": "x"}}"#, path: "data")
        XCTAssertEqual(notArray.message, "'data' is an object, not an array of records")
        XCTAssertEqual(notArrayAt, "1:10")
        XCTAssertEqual(notArray.hints, ["its keys: id, name", "the records must be an array of objects: [{…}, {…}]"])

        let (through, _) = try jsonError(#"{"data": 5}"#, path: "data.items")
        XCTAssertEqual(through.message, "the path cannot go into 'data': it is a number, not an object")

        let (index, _) = try jsonError(#"{"pages": [[{"a": 1}]]}"#, path: "pages.3")
        XCTAssertEqual(index.message, "the array at 'pages' has 1 elements; there is no element 3")

        let (empty, _) = try jsonError("[]", path: "a..b")
        XCTAssertEqual(empty.message, "the path 'a..b' has an empty part")
    }

    func testTopLevelWithoutAnArrayOfRecords() throws {
        let (none, noneAt) = try jsonError(#"{"error": "unauthorized", "code": 401}"#)
        XCTAssertEqual(none.message, "the top level is an object holding no array of records")
        XCTAssertEqual(noneAt, "1:1")
        XCTAssertEqual(none.hints.first, "its keys: error, code")

        let (several, _) = try jsonError(#"{"a": [{"x": 1}], "meta": {"b": [{"y": 2}, {"y": 3}]}, "c": [1, 2]}"#)
        XCTAssertEqual(several.message, "the top level is an object holding 2 arrays of records; say which to load")
        XCTAssertEqual(several.hints, [#"with (path: "a" (1 records))"#, #"with (path: "meta.b" (2 records))"#])

        let (scalar, _) = try jsonError(#""just text""#)
        XCTAssertEqual(scalar.message, "the top level is a string, not an array of records")

        let (empty, _) = try jsonError("[]")
        XCTAssertTrue(empty.message.hasSuffix("the top-level array holds no records with keys, so there are no columns"))
    }

    func testRecordsThatAreNotObjects() throws {
        let (array, arrayAt) = try jsonError("[{\"a\": 1},\n 5]")
        XCTAssertEqual(array.message, "record 2 of the top level is a number, not an object")
        XCTAssertEqual(arrayAt, "2:2")
        XCTAssertEqual(array.hints, ["each record must be an object {…}, one row"])

        let (lines, linesAt) = try jsonError("{\"a\": 1}\n[1, 2]\n", name: "bad.ndjson")
        XCTAssertEqual(lines.message, "line 2 is an array, not an object")
        XCTAssertEqual(linesAt, "2:1")

        let (path, _) = try jsonError("{\"a\": 1}\n", name: "bad.jsonl", path: "a")
        XCTAssertEqual(path.message, "the option path ('a') applies to one JSON document, not to NDJSON")
    }

    func testFileProblems() throws {
        // "Иванов" in Windows-1251 inside a string on line 2.
        let (encoding, encodingAt) = try jsonError(Array("[\n{\"n\": \"".utf8) + [0xC8, 0xE2, 0xE0] + Array("\"}]".utf8))
        XCTAssertEqual(encoding.message, "the file is not valid UTF-8: bytes 0xC8 0xE2 0xE0 here")
        XCTAssertEqual(encodingAt, "2:8")
        XCTAssertEqual(encoding.hints, ["JSON files are UTF-8; convert this one first, e.g. iconv -f cp1251 -t utf-8"])

        let (blank, _) = try jsonError(" \n ")
        XCTAssertTrue(blank.message.hasSuffix("the file holds only whitespace"))
        let (empty, _) = try jsonError("")
        XCTAssertTrue(empty.message.hasSuffix("the file is empty"))

        let workspace = try Workspace(path: nil)
        let missing = failure { () throws(Diagnostic) in
            _ = try JSONLoader().load(LoadRequest(path: "/no/such/file.json", table: "t"), into: workspace)
        }
        XCTAssertEqual(missing.message, "cannot load '/no/such/file.json': no such file")
        let directory = failure { () throws(Diagnostic) in
            _ = try JSONLoader().load(LoadRequest(path: self.directory.path, table: "t"), into: workspace)
        }
        XCTAssertTrue(directory.message.hasSuffix("it is a directory, not a file"))
        let reserved = failure { () throws(Diagnostic) in
            _ = try JSONLoader().load(LoadRequest(path: "/no/such/file.json", table: "_sverka_x"), into: workspace)
        }
        XCTAssertTrue(reserved.message.hasPrefix("'_sverka_x' is reserved"))
    }
}
