import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// `sync`, `master` and `journal`: proposing what one system lacks, sending it through an
/// outbox file, and the record of what was sent.
enum SyncCommands {
    static let all: [CommandSpec] = [sync, master, journal]

    static let sync = CommandSpec(
        syntax: CommandSyntax(name: "sync", positionals: [Slot("what", .choice(SyncKind.allCases.map(\.rawValue)))],
                              clauses: [ClauseSyntax(["where"], .expression), ClauseSyntax(["as", "of"], .expression),
                                        ClauseSyntax(["apply", "to"], .string(.path)), ClauseSyntax(["with"], .options)]),
        group: .integration,
        summary: "propose invoices or payment statuses one system lacks; apply them to an outbox file",
        usage: "sync invoices|statuses [where CONDITION] [as of DATE] [apply to \"FILE\"] [with (terms: 14, …)]",
        details: [
            "sync invoices proposes an invoice for each won deal that has none in acc.invoices and none in the journal: to the counterparty matched to the deal's client (from matches; a client with no match or several gets a note and is held back), for the deal's amount and currency, issued on the as-of date (else today) and due 'terms' days later (default 14). sync statuses proposes, for each CRM deal with invoices, its payment status from accounting: paid, overdue (an invoice not fully paid is past its due date), partly paid or unpaid, with the invoice count, invoiced, paid and outstanding amounts, the last payment date and the earliest open due date; a status is proposed again only when it changed since it was last sent.",
            "Either writes the table proposals (kind, key, deal_id, … the proposed values) and shows it, and the table conflicts: values the systems hold differently — a matched client's name or tax id, a won deal's amount against its invoices — with the declared master and what should change (see 'help master'). Nothing else changes. where CONDITION keeps only the deals (crm.deals' fields) that satisfy it.",
            "apply to \"FILE\" writes the proposals that can be sent to FILE, in the target system's own column names (the reverse of its mapping: the column each field was mapped from; fields with no column keep their names), and records each item in the journal under its key (invoice:DEAL or status:DEAL) with the file, its SHA-256, the time and the operating-system user. An invoice is never sent twice, even before accounting's next export; when that export has an invoice for the deal, reconcile and sync mark the entry delivered. With nothing new to send it says so and writes no file.",
            "The file is written under a hidden name in the same folder, journaled, then put in place: it is never partial, never replaces an existing file (an outbox file not taken yet is refused, not overwritten), and is readable by its owner only (0600). A process killed at any moment leaves either the file and its journal entries, or neither: the next sync, reconcile or journal settles an interrupted apply first.",
            "Options (with): terms: days from issue to due date. For the file, as in export: encoding (\"windows-1251\" for 1C), delimiter, decimal, date, header, bom, format; text is written exactly (raw: true) unless raw: false is given.",
        ],
        examples: ["sync invoices", "sync invoices where amount > 100k as of @2026-11-30",
                   "sync invoices apply to \"outbox/invoices.csv\" with (terms: 30, encoding: \"windows-1251\", delimiter: \";\")",
                   "sync statuses apply to \"outbox/statuses.csv\"", "from conflicts"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let what)? = invocation.argument("what")?.value, let kind = SyncKind(rawValue: what.text) else {
            return .done
        }
        var request = SyncRequest(kind: kind)
        request.asOf = try IntegrationArguments.date(invocation.clause("as of"), session: session)
        if case .expression(let condition)? = invocation.clause("where")?.value {
            request.filter = RowFilter(condition: condition,
                                       context: QueryContext(variables: session.variables, source: session.currentSource))
        }
        let options = try SyncOptionReader.read(invocation.clause("with"), session: session)
        if let terms = options.terms { request.termsDays = terms }
        guard case .string(let path, let pathSpan)? = invocation.clause("apply to")?.value else {
            if let span = options.exportSpan {
                throw Diagnostic("file options need a file", at: span).hint("add apply to \"FILE\"")
            }
            let report = try Synchronizer(workspace: session.workspace).propose(request)
            try showTable(Synchronizer.proposalsTable, session)
            session.messages.write(report.messages.joined(separator: "\n") + "\n")
            return .done
        }
        if session.isDryRun {
            let report = try Synchronizer(workspace: session.workspace).propose(request)
            try showTable(Synchronizer.proposalsTable, session)
            session.messages.write(report.messages.joined(separator: "\n") + "\n")
            let ready = report.proposals - report.incomplete
            session.noteSkippedByDryRun("would send \(ready) item\(ready == 1 ? "" : "s") to \(path); nothing written, nothing journaled")
            return .done
        }
        let target = OutboxTarget(path: path, filePath: IntegrationArguments.filePath(path), options: options.export)
        let report: ApplyReport
        do throws(Diagnostic) {
            report = try Synchronizer(workspace: session.workspace).apply(request, to: target, checkpoint: ApplyPause.hook(session))
        } catch {
            var located = error
            if located.span == nil && located.location == nil { located.span = pathSpan }
            throw located
        }
        session.counters.itemsSynced += report.sent
        if report.sent > 0 { session.noteFileWritten(target.filePath) }
        try showTable(Synchronizer.proposalsTable, session)
        session.messages.write(report.messages.joined(separator: "\n") + "\n")
        return .done
    }

    /// Shows a result table in the session's output format, as `from NAME` would.
    static func showTable(_ name: String, _ session: Session) throws(Diagnostic) {
        let reference = TableReference(name: QualifiedName([Name(name, span: .none)]))
        try session.show(session.compile(Pipeline(source: reference, steps: [], span: .none), in: nil))
    }
}
