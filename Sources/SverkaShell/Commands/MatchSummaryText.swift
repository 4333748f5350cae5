import Foundation
import SverkaDomain

/// The stderr lines `match clients` and `dedupe` print: figures first, then only the lines
/// that have something to say.
enum MatchSummaryText {
    static func lines(_ summary: MatchSummary, seconds: Double) -> [String] {
        let linkedCounterparties = summary.counterparties - summary.unmatchedCounterparties
        var lines = ["match clients: linked \(summary.matchedClients) of \(count(summary.clients, "client")) to "
                     + "\(linkedCounterparties) of \(count(summary.counterparties, "counterparty", "counterparties")) in "
                     + String(format: "%.2f s", seconds)]
        let methods = MatchMethod.allCases.compactMap { method in
            summary.linksByMethod[method].map { "\(method.rawValue) \($0)" }
        }
        lines.append("  links by method: " + (methods.isEmpty ? "none" : methods.joined(separator: ", ")))
        if summary.ambiguousClients > 0 {
            lines.append("  ambiguous: \(count(summary.ambiguousClients, "client")) left unlinked, candidates in ambiguous_matches")
        }
        lines.append("  unmatched: \(count(summary.unmatchedClients, "client")) (unmatched_clients), "
                     + "\(count(summary.unmatchedCounterparties, "counterparty", "counterparties")) (unmatched_counterparties)")
        if summary.invalidClientTaxIDs.count + summary.invalidCounterpartyTaxIDs.count > 0 {
            lines.append("  invalid tax ids, not used: " + invalid(summary.invalidClientTaxIDs, "client", "clients") + ", "
                         + invalid(summary.invalidCounterpartyTaxIDs, "counterparty", "counterparties"))
        }
        if summary.sharedCounterparties > 0 {
            lines.append("  \(count(summary.sharedCounterparties, "counterparty", "counterparties")) linked to more than one "
                         + "client: duplicates of one company (dedupe clients lists them) or links made by hand")
        }
        if summary.clientsWithSeveralCounterparties > 0 {
            lines.append("  \(count(summary.clientsWithSeveralCounterparties, "client")) linked to more than one "
                         + "counterparty: duplicates of one company (dedupe counterparties lists them) or links made by hand")
        }
        if summary.options.methods.contains(.email) && !summary.counterpartyEmails {
            lines.append("  e-mail: acc.counterparties has no email column, so that method did not run")
        }
        if summary.staleDecisions > 0 {
            lines.append("  manual decisions naming records no longer in the data: \(summary.staleDecisions)")
        }
        return lines
    }

    static func dedupe(_ report: DuplicateReport, side: String, table: String, seconds: Double) -> [String] {
        let records = report.groups.reduce(0) { $0 + $1.members.count }
        var lines = ["dedupe \(side): \(count(report.groups.count, "group")) of duplicates "
                     + "(\(records) of \(report.records) records; \(report.redundantRecords) would go) in \(table) in "
                     + String(format: "%.2f s", seconds)]
        if report.invalidTaxIDs.count > 0 {
            lines.append("  invalid tax ids, not used: " + invalid(report.invalidTaxIDs, "record", "records"))
        }
        return lines
    }

    private static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) " + (value == 1 ? singular : plural ?? singular + "s")
    }

    private static func invalid(_ invalid: InvalidTaxIDs, _ singular: String, _ plural: String) -> String {
        let examples = invalid.examples.isEmpty ? "" : " (" + invalid.examples.joined(separator: "; ")
            + (invalid.count > invalid.examples.count ? "; …" : "") + ")"
        return count(invalid.count, singular, plural) + examples
    }
}
