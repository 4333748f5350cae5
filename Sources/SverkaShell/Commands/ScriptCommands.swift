import SverkaEngine
import SverkaSyntax

/// Commands that scripts use to check their data and report.
enum ScriptCommands {
    static let all: [CommandSpec] = [expect, print]

    static let expect = CommandSpec(
        syntax: CommandSyntax(name: "expect", positionals: [Slot("condition", .expression)],
                              clauses: [ClauseSyntax(["else"], .string(.text))]),
        group: .scripts,
        summary: "stop the script with exit code 3 unless a condition holds",
        usage: "expect CONDITION [else \"message\"]",
        details: ["The condition may use variables and rows(TABLE). When it is false (or null) the script stops: the message goes to stderr and sverka exits with code 3, so a nightly run that does not tie out is noticed."],
        examples: ["expect rows(deals) > 0 else \"no deals loaded\"", "expect $total == 1250000.00"]
    ) { invocation, session throws(Diagnostic) in
        guard case .expression(let condition)? = invocation.argument("condition")?.value else { return .done }
        let value = try session.evaluate(condition)
        switch value {
        case .bool(true):
            return .done
        case .bool(false), .null:
            if case .string(let message, _)? = invocation.clause("else")?.value { return .expectationFailed(message) }
            return .expectationFailed(session.currentSource.map { $0.slice(condition.span) } ?? "condition")
        default:
            throw Diagnostic("expect needs a condition that is true or false, but this is \(value.type)", at: condition.span)
        }
    }

    static let print = CommandSpec(
        syntax: CommandSyntax(name: "print", positionals: [Slot("value", .expression)]),
        group: .scripts,
        summary: "print a value (text, a variable, an expression)",
        usage: "print EXPRESSION",
        examples: ["print \"loaded\"", "print rows(deals)", "print $as_of"]
    ) { invocation, session throws(Diagnostic) in
        guard case .expression(let expression)? = invocation.argument("value")?.value else { return .done }
        session.output.write(try session.evaluate(expression).description + "\n")
        return .done
    }
}
