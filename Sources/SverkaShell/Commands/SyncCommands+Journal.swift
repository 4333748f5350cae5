import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

extension SyncCommands {
    static let master = CommandSpec(
        syntax: CommandSyntax(name: "master", positionals: [Slot("field", .word(.other), optional: true),
                                                            Slot("system", .value, optional: true)]),
        group: .integration,
        summary: "declare which system leads for a field (crm or accounting); list the declarations",
        usage: "master [FIELD = crm|accounting]",
        details: [
            "FIELD is ENTITY.FIELD of the model (clients.email, clients.name, deals.amount, invoices.amount, …) or an ENTITY alone for all its fields (payments). A field's own declaration wins over its entity's; a declaration replaces an earlier one of the same field. Kept in the workspace (_sverka_masters) with who declared it and when.",
            "sync lists, in the table conflicts, values the two systems hold differently — a matched client's name (compared as match compares names) and tax id against its counterparty's, a won deal's amount against its invoices' total — with the master of the field and the change that follows: 'change accounting to the CRM's value' or the reverse; with no master declared, the action asks for one.",
            "Without arguments, lists the declarations.",
        ],
        examples: ["master clients.email = crm", "master clients.name = accounting", "master payments = accounting", "master"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let field)? = invocation.argument("field")?.value else {
            let declarations = try MasterFields(workspace: session.workspace).all()
            session.show(columns: [ResultColumn(name: "field", type: .text), ResultColumn(name: "master", type: .text),
                                   ResultColumn(name: "declared_at", type: .text), ResultColumn(name: "by", type: .text)],
                         rows: declarations.map { [.text($0.field), .text($0.system.rawValue), .text($0.at), .text($0.user)] })
            return .done
        }
        let written: (String, Span)
        switch invocation.argument("system")?.value {
        case .word(let name)?: written = (name.text, name.span)
        case .string(let text, let span)?: written = (text, span)
        case .expression(let expression)?:
            throw Diagnostic("expected crm or accounting", at: expression.span).hint("write: master \(field.text) = crm")
        default:
            throw Diagnostic("which system leads for \(field.text)?", at: field.span).hint("write: master \(field.text) = crm|accounting")
        }
        guard let system = MasterSystem(word: written.0) else {
            throw Diagnostic("'\(written.0)' is not a system: write crm or accounting", at: written.1)
        }
        let declaration: MasterDeclaration
        do throws(Diagnostic) {
            declaration = try MasterFields(workspace: session.workspace).declare(field.text, system)
        } catch {
            var located = error
            if located.span == nil { located.span = field.span }
            throw located
        }
        session.messages.write("master of \(declaration.field): \(declaration.system.rawValue)\n")
        return .done
    }

    static let journal = CommandSpec(
        syntax: CommandSyntax(name: "journal"),
        group: .integration,
        summary: "show what sync sent: when, by whom, in which file, and whether it arrived",
        usage: "journal",
        details: [
            "Lists every item 'sync … apply' wrote to an outbox, oldest first: at (UTC), kind (invoice, status), key (the idempotency key: kind and deal id), deal_id, status (sent; delivered once the other system's export has it — an invoice for the deal), file (as the command named it), file_sha256, by (the operating-system user), delivered_at and invoice_id (the id accounting gave the invoice). The same rows go to the table journal, for queries: from journal | where status == \"sent\".",
            "An apply that was killed half-way is settled first, so the journal always agrees with the outbox: entries whose file is in place are kept, entries whose file never got there are removed.",
        ],
        examples: ["journal", "from journal | group file (items = count())"]
    ) { _, session throws(Diagnostic) in
        try SyncLog(workspace: session.workspace).refresh()
        try showTable(SyncLog.tableName, session)
        return .done
    }
}
