import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import SverkaEngine
import SverkaSyntax
import XCTest

/// A JSON API in memory: answers each request with what the test's function says, and keeps
/// every request it was sent.
final class ScriptedAPI: RESTTransport {
    private(set) var requests: [URLRequest] = []
    private let answer: (URLComponents, Int) -> RESTExchange

    /// `answer` gets the request's URL and its number (1 for the first request).
    init(_ answer: @escaping (URLComponents, Int) -> RESTExchange) {
        self.answer = answer
    }

    func send(_ request: URLRequest) -> RESTExchange {
        requests.append(request)
        let components = request.url.flatMap { URLComponents(url: $0, resolvingAgainstBaseURL: true) } ?? URLComponents()
        return answer(components, requests.count)
    }

    /// The value of a query parameter of request `index` (0-based).
    func parameter(_ name: String, ofRequest index: Int) -> String? {
        guard let url = requests[index].url, let items = URLComponents(url: url, resolvingAgainstBaseURL: true)?.queryItems else {
            return nil
        }
        return items.last { $0.name == name }?.value
    }
}

extension URLComponents {
    func parameter(_ name: String) -> String? { queryItems?.last { $0.name == name }?.value }
}

/// Answers and loads for the paging tests.
class RESTPagingTestCase: XCTestCase {
    static let base = URL(string: "https://crm.example.test/api/v4/leads")!

    /// A JSON answer.
    func json(_ text: String, status: Int = 200, headers: [String: String] = [:],
              url: URL = RESTPagingTestCase.base) -> RESTExchange {
        var lowered = ["content-type": "application/json"]
        for (key, value) in headers { lowered[key.lowercased()] = value }
        return .answered(RESTResponse(status: status, headers: lowered, body: Array(text.utf8), url: url))
    }

    /// Items `range` as a JSON array: `{"id": i, "amount": "i*10.i"}`.
    func items(_ range: ClosedRange<Int>) -> String {
        "[" + range.map { "{\"id\": \($0), \"amount\": \"\($0 * 10).\(String(format: "%02d", $0 % 100))\"}" }.joined(separator: ", ") + "]"
    }

    func items(_ range: Range<Int>) -> String {
        range.isEmpty ? "[]" : items(range.lowerBound...(range.upperBound - 1))
    }

    func secret(_ text: String, variable: String = "AMO_TOKEN") -> Secret {
        Secret(value: text, source: .environment(variable))
    }

    /// Loads through `api`, recording every pause instead of sleeping through it.
    @discardableResult
    func load(_ options: RESTOptions, from api: ScriptedAPI, into workspace: Workspace, table: String = "t",
              types: [String: LogicalType] = [:], waits: UnsafeMutablePointer<[Double]>? = nil,
              random: Double = 0.5) throws(Diagnostic) -> RESTLoadReport {
        try RESTLoader().load(options, table: table, columnTypes: types, into: workspace, transport: api,
                              wait: { seconds in waits?.pointee.append(seconds) }, random: { random }, progress: nil)
    }

    /// The diagnostic a load fails with; fails the test when it succeeds.
    func failure(file: StaticString = #filePath, line: UInt = #line,
                 _ body: () throws -> Void) -> Diagnostic {
        do {
            try body()
        } catch let error as Diagnostic {
            return error
        } catch {
            XCTFail("not a diagnostic: \(error)", file: file, line: line)
            return Diagnostic("\(error)")
        }
        XCTFail("the load succeeded", file: file, line: line)
        return Diagnostic("no error")
    }

    func integer(_ workspace: Workspace, _ sql: String) throws -> Int64? {
        try workspace.database.query(sql) { row -> Int64? in
            if case .integer(let value) = row.storedValue(at: 0) { return value }
            return nil
        }.first ?? nil
    }

    /// Everything a diagnostic says, to check that a secret appears nowhere in it.
    func allText(_ error: Diagnostic) -> String {
        ([error.message, error.location ?? ""] + error.hints).joined(separator: "\n")
    }
}
