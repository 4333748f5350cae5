import Foundation
import SverkaEngine

/// The lines `load` and `append` print on stderr: one summary, then the notes worth reading
/// (detections and decisions that are not the plain default). `describe` shows all notes later.
enum LoadMessages {
    static func summary(_ report: LoadReport, path: String) -> String {
        let time = String(format: "%.2f s", report.seconds)
        if report.unchanged {
            return "\(report.table) unchanged, \(time): \(path) has the same content and options as at its last load "
                + "(\(rows(report.rows))); with (force: true) reloads\n"
        }
        var line: String
        if report.appended {
            line = "appended \(rows(report.rows)) to \(report.table) from \(path) in \(time)"
            if let total = report.totalRows { line += " (\(report.table) now has \(rows(total)))" }
        } else {
            let columns = report.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
            line = "loaded \(rows(report.rows)) into \(report.table) (\(columns)) from \(path) in \(time)"
        }
        if let rejects = report.rejectsTable, report.rejected > 0 {
            line += "; \(report.rejected == 1 ? "1 bad row" : "\(report.rejected) bad rows") skipped into \(rejects)"
        }
        return line + "\n" + report.highlights.map { "  \($0)\n" }.joined()
    }

    private static func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }
}
