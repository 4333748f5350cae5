import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Reads `aging … with (terms: 30, basis: "invoice_date", edges: "30,60,90")`.
enum AgingOptionReader {
    static let known = ["terms", "basis", "edges"]

    /// The options of `command` (those of `known`, a subset of aging's) into `request`.
    static func read(_ clause: CommandClause?, into request: inout AgingRequest, session: Session,
                     command: String = "aging", known: [String] = AgingOptionReader.known) throws(Diagnostic) {
        guard case .options(let entries)? = clause?.value else { return }
        let reader = AnalyticsOptionReader(command: command, known: known, session: session)
        for entry in entries {
            switch try reader.key(entry) {
            case "terms":
                request.termsDays = try reader.integer(entry, in: 0...3650, example: 30)
            case "basis":
                let basis = try reader.choice(entry, among: AgingBasis.allCases.map(\.rawValue))
                request.basis = AgingBasis(rawValue: basis) ?? .dueDate
            default:
                request.buckets = try edges(entry, session: session)
            }
        }
    }

    /// `edges: "30,60,90"`, `edges: (30, 60, 90)` or `edges: 45` (one edge: current, 1-45, 45+).
    private static func edges(_ entry: OptionEntry, session: Session) throws(Diagnostic) -> AgingBuckets {
        var days: [Int] = []
        switch entry.value {
        case .list(let items, _):
            for item in items {
                guard case .expression(let expression) = item, case .integer(let day) = try session.evaluate(expression) else {
                    throw notEdges(entry, at: entry.key.span)
                }
                days.append(Int(day))
            }
        case .expression(let expression):
            switch try session.evaluate(expression) {
            case .integer(let day):
                days = [Int(day)]
            case .text(let text):
                for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let day = Int(part.trimmingCharacters(in: .whitespaces)) else { throw notEdges(entry, at: expression.span) }
                    days.append(day)
                }
            default:
                throw notEdges(entry, at: expression.span)
            }
        case .options(_, let span):
            throw notEdges(entry, at: span)
        }
        do {
            return try AgingBuckets(edges: days)
        } catch {
            var located = error
            located.span = entry.key.span
            throw located
        }
    }

    private static func notEdges(_ entry: OptionEntry, at span: Span) -> Diagnostic {
        Diagnostic("edges takes whole numbers of days, increasing: the last day of each overdue bucket", at: span)
            .hint("write edges: \"30,60,90\" (buckets current, 1-30, 31-60, 61-90, 90+)")
    }
}
