import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class CompilerScratchDumpTests: CompilerTestCase {
    func testDump() throws {
        let path = "/tmp/ct-dump.txt"
        let inputs = try String(contentsOfFile: "/tmp/ct-inputs.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        var out = ""
        for input in inputs where !input.isEmpty {
            out += "IN: \(input)\n"
            do {
                let q = try CompilerFixture.compile(input)
                out += "SQL: \(q.sql)\nPARAMS: \(q.parameters)\nCOLS: \(q.columns.map { "\($0.name):\($0.type)" })\n\n"
            } catch let e as Diagnostic {
                out += "ERR: \(e.message) span=\(spanText(e.span, in: input)) \(e.span.map { "\($0)" } ?? "") hints=\(e.hints)\n\n"
            } catch {
                out += "OTHER: \(error)\n\n"
            }
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
