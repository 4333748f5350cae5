import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// `export dashboard to "kpi.html" [with (as_of: DATE, top: N)]`: the KPI dashboard as one HTML
/// page, routed here from `export`.
///
/// HTML is the dashboard's format only — tables are never exported as HTML — so the route is
/// decided by the target alone: `export dashboard to "….html"` is always the dashboard, even
/// when a table is called `dashboard` (`export dashboard to "x.csv"` still exports that table).
enum DashboardExport {
    static let options = ["as_of", "top"]

    /// The paragraph `help export` gives the dashboard.
    static let help = "export dashboard to \"kpi.html\" [with (as_of: DATE, top: N)]: the KPI dashboard as one self-contained HTML page (inline styles and SVG, nothing fetched from the network; opens offline) — the report kpi figures of the month that ends on as_of (default today) against the month before with their sparklines, revenue and gross margin by month, the aging of the debt on that date, and the top N clients by margin over the twelve months (default 10). Written like any export: a temporary file, then a rename. An .html target always means the dashboard (tables are not exported as HTML), so a table called dashboard still exports to any other format."

    /// Whether the statement asks for the dashboard: the bare word `dashboard` to an .html file.
    static func isDashboard(_ pipeline: Pipeline, path: String) -> Bool {
        pipeline.steps.isEmpty && pipeline.source.alias == nil && pipeline.source.name.parts.count == 1
            && pipeline.source.name.last.text.lowercased() == "dashboard" && isHTML(path)
    }

    static func isHTML(_ path: String) -> Bool {
        ["html", "htm"].contains((path as NSString).pathExtension.lowercased())
    }

    static func run(_ invocation: CommandInvocation, path: String, pathSpan: Span, session: Session) throws(Diagnostic) -> CommandOutcome {
        var request = DashboardRequest(asOf: CalendarDate.today(), baseCurrency: session.settings.currency)
        if case .options(let entries)? = invocation.clause("with")?.value {
            let reader = AnalyticsOptionReader(command: "export dashboard", known: options, session: session)
            for entry in entries {
                switch try reader.key(entry) {
                case "as_of": request.asOf = try reader.date(entry)
                default: request.topClients = try reader.integer(entry, in: 1...100, example: 10)
                }
            }
        }
        let started = Date()
        let dashboard = Dashboard(workspace: session.workspace)
        var data = try located(invocation.span) { () throws(Diagnostic) in try dashboard.gather(request) }
        maskClientNames(&data, privacy: session.privacy)
        if session.isDryRun {
            session.noteSkippedByDryRun("would export the dashboard as of \(request.asOf.iso) to \(path)")
            return .done
        }
        // A file error (no such folder) is the path's.
        try located(pathSpan) { () throws(Diagnostic) in
            try dashboard.write(data, to: (path as NSString).expandingTildeInPath, displayPath: path)
        }
        session.noteFileWritten((path as NSString).expandingTildeInPath)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        session.messages.write("exported the dashboard as of \(request.asOf.iso) to \(path) (html, utf-8) in \(seconds) s\n")
        for note in data.notes { session.messages.write("  \(note)\n") }
        return .done
    }

    /// Under `set mask names` the top clients' names are masked as a result's `name` column
    /// would be (an ИП's person, a person's name); the page is a file that goes to others.
    private static func maskClientNames(_ data: inout DashboardData, privacy: SessionPrivacy) {
        guard let masking = privacy.masking(for: [ResultColumn(name: "name", type: .text)]) else { return }
        for index in data.topClients.indices {
            guard let name = data.topClients[index].name, case .text(let masked) = masking.mask(.text(name), column: 0) else { continue }
            data.topClients[index].name = masked
        }
    }
}
