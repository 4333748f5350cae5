import SverkaEngine
import SverkaSyntax

/// `audit`: who changed the workspace or wrote a file, when, and with which statement.
enum AuditCommands {
    static let all: [CommandSpec] = [audit]

    static let audit = CommandSpec(
        syntax: CommandSyntax(name: "audit", clauses: [ClauseSyntax(["last"], .expression)]),
        group: .scripts,
        summary: "show the audit trail: every statement that changed the workspace or wrote a file",
        usage: "audit [last N]",
        details: [
            "Every statement that changes the workspace (a load, map, match, reconcile, sync, drop, let, raw sql write …) or writes a file (export, sync apply, save history) is recorded as it succeeds: the time, the operating-system user, the run it belonged to, the statement's text (a statement holding a secret is not written down), the tables it changed with the rows changed in each, and the file it wrote with its SHA-256. A statement that failed changed nothing and is not listed. Shows the last 50 unless last N says otherwise; the table _sverka_audit holds them all.",
        ],
        examples: ["audit", "audit last 10"]
    ) { invocation, session throws(Diagnostic) in
        var limit = 50
        if case .expression(let expression)? = invocation.clause("last")?.value {
            guard case .integer(let number) = try session.evaluate(expression), number > 0 else {
                throw Diagnostic("'last' needs a positive whole number", at: expression.span)
            }
            limit = Int(min(number, 1_000_000))
        }
        let entries = try AuditTrail(workspace: session.workspace).recent(limit: limit)
        session.show(columns: [
            ResultColumn(name: "seq", type: .integer), ResultColumn(name: "at", type: .text), ResultColumn(name: "user", type: .text),
            ResultColumn(name: "run", type: .integer), ResultColumn(name: "statement", type: .text),
            ResultColumn(name: "tables", type: .text), ResultColumn(name: "rows", type: .integer),
            ResultColumn(name: "file", type: .text), ResultColumn(name: "sha256", type: .text),
        ], rows: entries.map { entry in
            [.integer(entry.sequence), .text(entry.at), .text(entry.user), entry.runID.map(Value.integer) ?? .null,
             .text(entry.statement.replacingOccurrences(of: "\n", with: " ")), .text(entry.tables),
             .integer(Int64(entry.rows)), entry.file.map(Value.text) ?? .null, entry.fileSHA256.map(Value.text) ?? .null]
        })
        return .done
    }
}
