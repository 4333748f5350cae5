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
        syntax: CommandSyntax(name: "print", positionals: [Slot("value", .expression)], check: checkTemplate),
        group: .scripts,
        summary: "print a value, or text with {$variables} in it",
        usage: "print EXPRESSION | print \"text {$name} …\"",
        details: [
            "A quoted text may name variables in braces: print \"closed {$month}: {$n} deals, {$total}\". Each {$name} shows the variable as a table cell would: money with thousands separators and its two places, dates ISO, null as the null setting shows it. Only a variable goes between the braces (let one first to print an expression); {{ and }} print braces. A misspelt name stops the script, with a caret under it.",
            "Any other expression is evaluated and printed the same way: print rows(deals), print $as_of.",
        ],
        examples: ["print \"loaded\"", "print \"{$n} deals, {$total} in total\"", "print rows(deals)", "print $as_of"]
    ) { invocation, session throws(Diagnostic) in
        guard case .expression(let expression)? = invocation.argument("value")?.value else { return .done }
        var line = ""
        if case .literal(.string(let text)) = expression.kind, let source = session.currentSource {
            for part in try TextTemplate(text, writtenAt: expression.span, in: source).parts {
                switch part {
                case .text(let text): line += text
                case .variable(let name): line += try cellText(session.evaluate(Expression(.variable(name), span: name.span)), session)
                }
            }
        } else {
            line = try cellText(session.evaluate(expression), session)
        }
        session.output.write(line + "\n")
        return .done
    }

    /// A quoted text's placeholders are checked with the script's syntax, before anything runs;
    /// whether their variables exist is known only when the print is reached.
    @Sendable private static func checkTemplate(_ invocation: CommandInvocation, _ source: SourceText) throws(Diagnostic) {
        guard case .expression(let expression)? = invocation.argument("value")?.value,
              case .literal(.string(let text)) = expression.kind else { return }
        _ = try TextTemplate(text, writtenAt: expression.span, in: source)
    }

    private static func cellText(_ value: Value, _ session: Session) -> String {
        CellText.display(value, nullText: session.settings.render.nullText)
    }
}
