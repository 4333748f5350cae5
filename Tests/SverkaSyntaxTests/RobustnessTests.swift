import XCTest
import SverkaSyntax

/// Large, deep and random input: always an answer, never a crash, in bounded time.
final class RobustnessTests: XCTestCase {
    /// A second when optimised (it takes about 0.4 s); unoptimised builds are some ten times slower.
    #if DEBUG
    let timeLimit = 20.0
    #else
    let timeLimit = 1.0
    #endif

    func testTenMegabyteStatement() throws {
        var text = "from deals | where id in ("
        var id = 0
        while text.utf8.count < 5_000_000 {
            text += "\(id), "
            id += 1
        }
        text += "0) | select "
        var column = 0
        while text.utf8.count < 10_000_000 {
            text += "c\(column) = amount * 1.5k + \"text\", "
            column += 1
        }
        text += "last"
        let source = SourceText(name: "big", text: text)
        let started = Date()
        let script = try Fixture.parser.parse(source)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, timeLimit)
        guard case .query(let pipeline)? = script.statements.first?.kind,
              case .filter(let condition) = pipeline.steps[0].kind,
              case .inList(_, let values, _) = condition.kind,
              case .select(let items) = pipeline.steps[1].kind else {
            return XCTFail("shape")
        }
        XCTAssertEqual(values.count, id + 1)
        XCTAssertEqual(items.count, column + 1)
    }

    func testTenMegabyteString() throws {
        let body = String(repeating: "абвгд \\n ", count: 1_000_000)
        let started = Date()
        let script = try Fixture.parser.parse(SourceText(name: "big", text: "sql \"\(body)\""))
        XCTAssertLessThan(Date().timeIntervalSince(started), timeLimit)
        guard case .command(let invocation)? = script.statements.first?.kind,
              case .string(let text, _)? = invocation.argument("statement")?.value else {
            return XCTFail("no string")
        }
        XCTAssertEqual(text.utf8.count, 1_000_000 * 13)
    }

    func testHundredThousandNestedParentheses() {
        let depth = 100_000
        let text = "from d | where " + String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        let started = Date()
        let errors = Fixture.errors(text)
        XCTAssertLessThan(Date().timeIntervalSince(started), timeLimit)
        XCTAssertEqual(errors.map(\.message), ["expression is nested too deeply"])
    }

    func testHundredThousandUnclosedParentheses() {
        let errors = Fixture.errors("from d | where " + String(repeating: "(", count: 100_000))
        XCTAssertEqual(errors.first?.message, "expression is nested too deeply")
    }

    func testDeepNestingInOptionsAndCalls() {
        let options = "load \"x\" as x with (a: " + String(repeating: "(", count: 50_000) + String(repeating: ")", count: 50_000) + ")"
        XCTAssertEqual(Fixture.errors(options).first?.message, "expression is nested too deeply")
        let calls = "from d | where " + String(repeating: "f(", count: 50_000) + "1" + String(repeating: ")", count: 50_000)
        XCTAssertEqual(Fixture.errors(calls).first?.message, "expression is nested too deeply")
        let nots = "from d | where " + String(repeating: "not ", count: 50_000) + "a"
        XCTAssertEqual(Fixture.errors(nots).first?.message, "expression is nested too deeply")
    }

    func testRandomBytesNeverCrash() {
        var generator = SplitMix(seed: 20261130)
        for round in 0..<200 {
            let length = Int(generator.next() % 400)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? Fixture.parser.parse(SourceText(name: "random \(round)", text: text))
            _ = StatementCompleteness.needsMoreInput(text)
        }
    }

    func testRandomTokenSoupNeverCrashes() {
        let pieces = ["from", "let", "load", "set", "export", "report", "where", "select", "derive", "join", "left", "group",
                      "sort", "take", "distinct", "append", "and", "or", "not", "in", "between", "is", "null", "as", "of",
                      "to", "with", "on", "using", "x", "y.z", "`q`", "$v", "1", "1.5k", "20%", "\"s\"", "@2026-11-30",
                      "(", ")", ",", "|", "=", "==", "<", "+", "-", "*", ":", ";", "\n", " ", "#c\n", "[", "."]
        var generator = SplitMix(seed: 42)
        for _ in 0..<3000 {
            let count = Int(generator.next() % 30)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(separator: " ")
            let source = SourceText(name: "soup", text: text)
            do {
                _ = try Fixture.parser.parse(source)
            } catch {
                for diagnostic in error.diagnostics {
                    if let span = diagnostic.span {
                        XCTAssertLessThanOrEqual(span.end, source.bytes.count, text)
                    }
                    _ = DiagnosticRenderer().render(diagnostic, in: source)
                }
                XCTAssertLessThanOrEqual(error.diagnostics.count, 21)
            }
        }
    }

    func testMegabytesOfGarbage() {
        let text = String(repeating: "\u{0}\u{7}§¤", count: 500_000) + "\n" + String(repeating: "?!{} ", count: 200_000)
        let started = Date()
        let errors = Fixture.errors(text)
        XCTAssertLessThan(Date().timeIntervalSince(started), timeLimit)
        XCTAssertLessThanOrEqual(errors.count, 21)
    }

    func testManyStatements() throws {
        let text = String(repeating: "from deals | where amount > 1M | take 10\n", count: 50_000)
        let script = try Fixture.parser.parse(SourceText(name: "many", text: text))
        XCTAssertEqual(script.statements.count, 50_000)
    }

    func testManyBlankLinesBeforeAPipe() throws {
        let text = "from d" + String(repeating: "\n", count: 200_000) + "| take 1"
        let script = try Fixture.parser.parse(SourceText(name: "blank", text: text))
        XCTAssertEqual(script.statements.count, 1)
    }
}

/// A small deterministic generator, so a failing random case can be replayed.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
