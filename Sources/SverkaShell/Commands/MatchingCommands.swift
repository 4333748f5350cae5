import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Commands that link CRM clients to accounting counterparties and find duplicates.
enum MatchingCommands {
    static let all: [CommandSpec] = [match, link, unlink, dedupe]

    static let match = CommandSpec(
        syntax: CommandSyntax(name: "match", positionals: [Slot("what", .choice(["clients"]))],
                              clauses: [ClauseSyntax(["with"], .options)]),
        group: .integration,
        summary: "link crm.clients to acc.counterparties by tax id, name and e-mail",
        usage: "match clients [with (threshold: 0.9, methods: (tax_id, name, email))]",
        details: [
            "Reads the roles crm.clients and acc.counterparties (map them first) and replaces four tables, all in one transaction: matches (client_id, counterparty_id, method, score), ambiguous_matches (client_id, counterparty_id, method, score, reason), unmatched_clients (client_id, name, tax_id, reason) and unmatched_counterparties (counterparty_id, name, tax_id). Query them like any table: from matches | where method == \"name\".",
            "Methods, in order; each runs only for the clients the ones before found nothing for. manual: decisions recorded with link and unlink come first and override everything else (score 1). tax_id: the same valid ИНН on both sides (score 1). An ИНН is valid when its check digits agree: 10 digits for organisations, 12 for individuals and entrepreneurs; spaces inside are ignored. Invalid ones are counted and shown in the summary and never used to link. name: the normalized names. email: the same address, when acc.counterparties has an email column (the canonical role has none, so usually it does not run).",
            "Normalized names: legal forms are removed wherever they stand (ООО, ОАО, ЗАО, АО, ПАО, ИП, НКО, АНО, LLC, Ltd, Inc, GmbH, JSC, \"Общество с ограниченной ответственностью\", \"Акционерное общество\", \"Публичное акционерное общество\", \"Индивидуальный предприниматель\", …); so are quotes («» \"\" '' „“), case, punctuation and spaces; ё is е; Latin letters that look Cyrillic (a, o, e, c, p, x, y, k, m, t, h, b) in a Cyrillic word are read as Cyrillic; and names are compared in one Latin transliteration, so Romashka, Ромашка and Pомашка (Latin P) are one name.",
            "Scores: equal normalized names score 1. Otherwise both names need the same number of words and the same digits (Ромашка-1 is not Ромашка-2), and the score is the lowest Jaro–Winkler similarity of their words, scaled down when one word is under 0.8 of the other's length — so a typo (Ромашка/Ромашко, 0.95) links but Альфа-Трейд/Альфа-Транс (0.68) and Зотуми/Зотухоми do not. An entrepreneur's name (ИП …) is compared by surname and given names as far as both are written: ИП Иванов И.П. and Иванов Иван Петрович score 0.95, 0.925 when only one initial is written, and И. never stands for Юрий; equal names of initials only (ИП Иванов И.П. twice) also score 0.95, as they may be two people. A name never links two different valid tax ids, nor two different kinds of legal form (ООО and АО are two companies; ЗАО and ПАО are one kind).",
            "Nothing is chosen silently. Candidates rank: tax id and manual links, then equal names spelt alike (hyphens and word breaks included: Полюс-Юг is spelt like Полюс-Юг, not like Полюс Юг), then equal names, then similar names and e-mails. A client whose strongest candidates (similar names within 0.02 of the best score) are different companies gets none of them. A counterparty wanted by clients of different companies keeps its strongest links when those are of one company and loses the others; when they are not, and not tax-id or manual links, it keeps none. What is not linked goes to ambiguous_matches with the reason, and the client to unmatched_clients as ambiguous. Several links are made when the records on the \"several\" side are one company by the rules of dedupe (a client entered twice with one tax id, a counterparty with two cards): the summary counts them.",
            "Options: threshold: the lowest name score that links, above 0 and at most 1 (default 0.9; 85% works too). methods: which automatic methods run, e.g. (tax_id, name); manual decisions always apply.",
            "Speed: each client is compared only with the counterparties that share its valid tax id, its normalized name, its e-mail, its surname (entrepreneurs) or the uncommon three-letter pieces of its name, never with all of them: 100,000 clients against 100,000 counterparties take about 2 seconds (scripts/bench-match measures it).",
            "Prints to stderr how many clients were linked to how many counterparties, the links by method, the ambiguous and unmatched counts, the invalid tax ids with examples, how many records are linked more than once, and when the e-mail method could not run. The reason in unmatched_clients says what each method found: no tax id, an invalid one, one not in accounting; no similar name, the closest name and its score, a name whose tax id differs, or one unlinked by hand.",
        ],
        examples: ["match clients", "match clients with (threshold: 0.85)", "match clients with (methods: (tax_id))",
                   "from unmatched_clients | sort name", "from ambiguous_matches"]
    ) { invocation, session throws(Diagnostic) in
        var options = MatchOptions()
        if case .options(let entries)? = invocation.clause("with")?.value { options = try MatchOptionReader.read(entries) }
        let started = Date()
        let result = try located(invocation.span) { () throws(Diagnostic) in
            try ClientMatching(workspace: session.workspace).run(options)
        }
        let lines = MatchSummaryText.lines(result.summary, seconds: Date().timeIntervalSince(started))
        session.messages.write(lines.joined(separator: "\n") + "\n")
        return .done
    }

    static let link = CommandSpec(
        syntax: CommandSyntax(name: "link", positionals: [Slot("client", .choice(["client"])), Slot("id", .value)],
                              clauses: [ClauseSyntax(["to", "counterparty"], .value, required: true)]),
        group: .integration,
        summary: "record by hand that a client is a counterparty (kept across runs)",
        usage: "link client ID to counterparty ID",
        details: [
            "Records a manual decision in the workspace (the system table _sverka_links: client_id, counterparty_id, decision, at). Every later match clients applies it: the pair is in matches with method manual and score 1, whatever tax id or name say, and the client gets no automatic links. A client may be linked by hand to several counterparties.",
            "IDs are the id columns of crm.clients and acc.counterparties, compared as text: write them as they are (17, 007, К-000042) or in quotes (\"ООО 17\"). Both records must exist. A later unlink of the same pair replaces the decision.",
            "The tables of the last match are not changed: run match clients again to see the decision applied.",
        ],
        examples: ["link client 17 to counterparty К-000042", "link client \"C-17\" to counterparty \"00042\""]
    ) { invocation, session throws(Diagnostic) in
        let client = try MatchOptionReader.recordID(invocation.argument("id"), in: session.currentSource, what: "client")
        let counterparty = try MatchOptionReader.recordID(invocation.clause("to counterparty").map {
            CommandArgument(slot: "counterparty", value: $0.value, span: Self.valueSpan($0))
        }, in: session.currentSource, what: "counterparty")
        try located(invocation.span) { () throws(Diagnostic) in
            try ClientMatching(workspace: session.workspace).link(client: client, to: counterparty)
        }
        session.messages.write("linked client \(client) to counterparty \(counterparty) by hand; "
                               + "match clients applies it from now on\n")
        return .done
    }

    static let unlink = CommandSpec(
        syntax: CommandSyntax(name: "unlink", positionals: [Slot("client", .choice(["client"])), Slot("id", .value)],
                              clauses: [ClauseSyntax(["from", "counterparty"], .value)]),
        group: .integration,
        summary: "record by hand that a client is not a counterparty, or has none (kept across runs)",
        usage: "unlink client ID [from counterparty ID]",
        details: [
            "With a counterparty: the pair never appears in matches again, whatever tax id or name say; the client may still be linked to other counterparties. It replaces an earlier link of the same pair.",
            "Without one: the client gets no links at all — automatic or manual (its manual links are withdrawn) — and is listed in unmatched_clients as \"unlinked by hand\" until a later link.",
            "Decisions are kept in the workspace (_sverka_links) and applied by every later match clients; the tables of the last match are not changed until then. IDs are written as for link.",
        ],
        examples: ["unlink client 17 from counterparty К-000042", "unlink client 17"]
    ) { invocation, session throws(Diagnostic) in
        let client = try MatchOptionReader.recordID(invocation.argument("id"), in: session.currentSource, what: "client")
        var counterparty: String?
        if let clause = invocation.clause("from counterparty") {
            counterparty = try MatchOptionReader.recordID(
                CommandArgument(slot: "counterparty", value: clause.value, span: Self.valueSpan(clause)),
                in: session.currentSource, what: "counterparty")
        }
        try located(invocation.span) { () throws(Diagnostic) in
            try ClientMatching(workspace: session.workspace).unlink(client: client, from: counterparty)
        }
        let what = counterparty.map { "counterparty \($0)" } ?? "every counterparty"
        session.messages.write("unlinked client \(client) from \(what) by hand; match clients applies it from now on\n")
        return .done
    }

    static let dedupe = CommandSpec(
        syntax: CommandSyntax(name: "dedupe", positionals: [Slot("what", .choice(["clients", "counterparties"]))],
                              clauses: [ClauseSyntax(["into"], .word(.newTable))]),
        group: .integration,
        summary: "find duplicate records in crm.clients or acc.counterparties, with a survivor for each group",
        usage: "dedupe clients|counterparties [into NAME]",
        details: [
            "Groups the records of one system that are one company: the same valid tax id, the same normalized name (as match compares names: no legal form, quotes, case or spaces, one alphabet), the same e-mail (ignoring case) or the same phone (digits only, a leading 8 read as 7, ten digits given the 7). Evidence chains: A and B share a tax id, B and C an e-mail — one group. But two different valid tax ids are two legal entities and never one group; an e-mail, phone or name that records of two legal entities share (an accountant's mailbox, a common name) identifies nobody and joins nothing — except that a name spelt alike (Полюс-Юг, not Полюс Юг) still joins the one legal entity spelt that way; and equal names with different kinds of legal form (ООО «Ромашка», АО «Ромашка») are different companies.",
            "Replaces the table duplicates (or NAME, with into) with one row per record in a group: group_id, id, name, tax_id, reason (the evidence that put it there: same tax id, same name, same e-mail …, same phone …) and survivor, true for the suggested record to keep: a valid tax id first, then the most fields filled, then the oldest created_at, then the lowest id. Groups are numbered in the order of their survivors' ids; the survivor comes first.",
            "Nothing is changed in the data: the table is a proposal to review. Prints to stderr the number of groups, the records in them and how many would go, and the invalid tax ids.",
        ],
        examples: ["dedupe clients", "dedupe counterparties into counterparty_duplicates",
                   "from duplicates | where not survivor"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let what)? = invocation.argument("what")?.value,
              let side = Deduplication.Side(rawValue: what.text) else { return .done }
        var table = Deduplication.defaultTable
        if case .word(let name)? = invocation.clause("into")?.value { table = name.text }
        let started = Date()
        let report = try located(invocation.span) { () throws(Diagnostic) in
            try Deduplication(workspace: session.workspace).run(side, into: table)
        }
        let lines = MatchSummaryText.dedupe(report, side: side.rawValue, table: table,
                                            seconds: Date().timeIntervalSince(started))
        session.messages.write(lines.joined(separator: "\n") + "\n")
        return .done
    }


    /// A clause's span without its keywords, for errors about the value.
    private static func valueSpan(_ clause: CommandClause) -> Span {
        switch clause.value {
        case .word(let name): return name.span
        case .string(_, let span): return span
        case .expression(let expression): return expression.span
        default: return clause.span
        }
    }
}
