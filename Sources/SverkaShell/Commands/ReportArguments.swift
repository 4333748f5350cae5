import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Reads the clauses of one `report`, refusing the ones that kind of report does not take.
struct ReportArguments {
    let invocation: CommandInvocation
    let session: Session

    /// A clause the report does not take is an error under it, not silently ignored.
    func checkClauses(of kind: ReportKind) throws(Diagnostic) {
        for clause in invocation.clauses where !kind.clauses.contains(clause.keyword) {
            let takes = kind.clauses.isEmpty ? "no clauses" : kind.clauses.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw Diagnostic("report \(kind.rawValue) takes no '\(clause.keyword)'", at: clause.span)
                .hint("report \(kind.rawValue) takes \(takes)")
                .hint("usage: " + Self.usage(kind))
        }
    }

    /// `by region` or `by region, month`: one or two different keys.
    func salesKeys() throws(Diagnostic) -> [SalesKey] {
        guard case .words(let names)? = invocation.clause("by")?.value else {
            throw Diagnostic("report sales needs 'by' and what to group by", at: invocation.span)
                .hint("write: report sales by region (or product, manager, month)")
        }
        let choices = SalesKey.allCases.map(\.rawValue)
        var keys: [SalesKey] = []
        for name in names {
            guard let key = SalesKey(rawValue: name.text.lowercased()) else {
                var error = Diagnostic("report sales cannot group by '\(name.text)'", at: name.span)
                if let suggestion = Suggestion.closest(to: name.text, among: choices) {
                    error = error.hint("did you mean '\(suggestion)'?")
                }
                throw error.hint("report sales groups by " + choices.joined(separator: ", "))
            }
            if keys.contains(key) {
                throw Diagnostic("'\(name.text)' is given twice", at: name.span)
                    .hint("the second key makes the columns: report sales by \(key.rawValue), \(choices.first { $0 != key.rawValue } ?? "month")")
            }
            guard keys.count < 2 else {
                throw Diagnostic("report sales groups by one key, or two for a table of rows and columns", at: name.span)
                    .hint("write: report sales by region, month")
            }
            keys.append(key)
        }
        return keys
    }

    /// `report pnl` and `report pnl by month`: months are its only rows.
    func monthOnly() throws(Diagnostic) {
        guard case .words(let names)? = invocation.clause("by")?.value else { return }
        for name in names where name.text.lowercased() != "month" || names.count > 1 {
            throw Diagnostic("report pnl is by month only", at: name.span).hint("write: report pnl by month")
        }
    }

    /// Hands each `with` option the report knows to `body`; an unknown one is an error.
    func options(known: [String], _ body: (AnalyticsOptionReader, OptionEntry) throws(Diagnostic) -> Void) throws(Diagnostic) {
        guard case .options(let entries)? = invocation.clause("with")?.value,
              case .word(let word)? = invocation.argument("report")?.value else { return }
        let reader = AnalyticsOptionReader(command: "report \(word.text.lowercased())", known: known, session: session)
        for entry in entries {
            _ = try reader.key(entry)
            try body(reader, entry)
        }
    }

    static func usage(_ kind: ReportKind) -> String {
        switch kind {
        case .sales: return "report sales by product|region|manager|month[, KEY] [from DATE to DATE]"
        case .clients: return "report clients [from DATE to DATE] [with (window: 12)]"
        case .pnl: return "report pnl [by month] [from DATE to DATE] [with (revenue: \"deals\"|\"invoices\")]"
        case .kpi: return "report kpi [as of DATE]"
        }
    }
}
