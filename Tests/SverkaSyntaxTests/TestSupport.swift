import XCTest
import SverkaSyntax

/// A small command set shaped like the shell's: enough slot and clause kinds to exercise
/// every path of command parsing.
struct TestGrammar: CommandGrammar {
    static let syntaxes: [CommandSyntax] = [
        CommandSyntax(name: "load", positionals: [Slot("path", .string(.path))],
                      clauses: [ClauseSyntax(["as"], .word(.newTable), required: true), ClauseSyntax(["with"], .options)]),
        CommandSyntax(name: "help", positionals: [Slot("topic", .word(.command), optional: true)]),
        CommandSyntax(name: "set", positionals: [Slot("setting", .word(.setting)), Slot("value", .value)]),
        CommandSyntax(name: "expect", positionals: [Slot("condition", .expression)],
                      clauses: [ClauseSyntax(["else"], .string(.text))]),
        CommandSyntax(name: "export", positionals: [Slot("query", .query)],
                      clauses: [ClauseSyntax(["to"], .string(.path), required: true),
                                ClauseSyntax(["as"], .choice(["csv", "json"])), ClauseSyntax(["with"], .options)]),
        CommandSyntax(name: "explain", positionals: [Slot("query", .query)]),
        CommandSyntax(name: "sql", positionals: [Slot("statement", .string(.sql))]),
        CommandSyntax(name: "report", positionals: [Slot("kind", .choice(["profit", "aging"]))],
                      clauses: [ClauseSyntax(["by"], .words(.column)), ClauseSyntax(["as", "of"], .expression),
                                ClauseSyntax(["as"], .word(.newTable)), ClauseSyntax(["from"], .range),
                                ClauseSyntax(["into"], .word(.newTable))]),
        CommandSyntax(name: "tables"),
    ]

    func syntax(for name: String) -> CommandSyntax? {
        Self.syntaxes.first { $0.name == name.lowercased() }
    }

    var commandNames: [String] { Self.syntaxes.map(\.name) }
}

enum Fixture {
    static let parser = Parser(grammar: TestGrammar())

    static func source(_ text: String) -> SourceText { SourceText(name: "-c", text: text) }

    /// Parses text that must be valid, failing the test with the rendered errors otherwise.
    static func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Statement] {
        let source = source(text)
        do {
            return try parser.parse(source).statements
        } catch {
            let rendered = error.diagnostics.map { DiagnosticRenderer().render($0, in: source) }.joined()
            XCTFail("unexpected errors:\n\(rendered)", file: file, line: line)
            return []
        }
    }

    /// The one statement of valid text.
    static func statement(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> StatementKind? {
        let statements = parse(text, file: file, line: line)
        XCTAssertEqual(statements.count, 1, "statements in \(text)", file: file, line: line)
        return statements.first?.kind
    }

    static func pipeline(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Pipeline? {
        guard case .query(let pipeline)? = statement(text, file: file, line: line) else {
            XCTFail("not a query: \(text)", file: file, line: line)
            return nil
        }
        return pipeline
    }

    static func steps(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [StepKind] {
        pipeline(text, file: file, line: line)?.steps.map(\.kind) ?? []
    }

    /// The condition of `from t | where TEXT`, printed compactly.
    static func condition(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard case .filter(let expression)? = steps("from t | where " + text, file: file, line: line).first else {
            XCTFail("no filter in \(text)", file: file, line: line)
            return ""
        }
        return Printed.expression(expression)
    }

    static func command(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CommandInvocation? {
        guard case .command(let invocation)? = statement(text, file: file, line: line) else {
            XCTFail("not a command: \(text)", file: file, line: line)
            return nil
        }
        return invocation
    }

    /// The diagnostics of text that must be invalid.
    static func errors(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let script = try parser.parse(source(text))
            XCTFail("expected errors, parsed \(script.statements.count) statements", file: file, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The first diagnostic of invalid text.
    static func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic {
        errors(text, file: file, line: line).first ?? Diagnostic("no error")
    }

    /// Every diagnostic of invalid text as the user sees it.
    static func rendered(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let source = source(text)
        return errors(text, file: file, line: line).map { DiagnosticRenderer().render($0, in: source) }.joined()
    }

    /// The source text under a span.
    static func slice(_ text: String, _ span: Span?) -> String {
        guard let span else { return "<no span>" }
        return source(text).slice(span)
    }
}

/// Compact, unambiguous text for expressions, so that tests can compare trees in one line.
enum Printed {
    static func expression(_ expression: SverkaSyntax.Expression) -> String {
        switch expression.kind {
        case .literal(let literal): return self.literal(literal)
        case .column(let name): return name.description
        case .variable(let name): return "$" + name.text
        case .unary(.negate, let operand): return "(neg \(self.expression(operand)))"
        case .unary(.not, let operand): return "(not \(self.expression(operand)))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(self.expression(left)) \(self.expression(right)))"
        case .call(let name, let arguments): return "\(name.text)(\(arguments.map(self.expression).joined(separator: ", ")))"
        case .inList(let value, let items, let negated):
            return "(\(negated ? "not-in" : "in") \(self.expression(value)) [\(items.map(self.expression).joined(separator: ", "))])"
        case .between(let value, let low, let high, let negated):
            return "(\(negated ? "not-between" : "between") \(self.expression(value)) \(self.expression(low)) \(self.expression(high)))"
        case .isNull(let value, let negated):
            return "(\(negated ? "is-not-null" : "is-null") \(self.expression(value)))"
        }
    }

    static func literal(_ literal: Literal) -> String {
        switch literal {
        case .integer(let value): return String(value)
        case .decimal(let units, let scale): return "\(units)e-\(scale)"
        case .string(let text): return "\"\(text)\""
        case .date(let year, let month, let day): return "@\(year)-\(month)-\(day)"
        case .datetime(let year, let month, let day, let hour, let minute, let second):
            return "@\(year)-\(month)-\(day)T\(hour):\(minute):\(second)"
        case .bool(let value): return String(value)
        case .null: return "null"
        }
    }

    static func items(_ items: [NamedExpression]) -> String {
        items.map { item in
            (item.name.map { $0.text + " = " } ?? "") + expression(item.expression)
        }.joined(separator: ", ")
    }
}
