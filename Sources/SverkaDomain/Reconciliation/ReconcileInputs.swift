import SverkaEngine
import SverkaSyntax

/// The roles reconciliation reads, copied into scratch tables, and what they turned out to hold.
struct ReconcileInputs {
    var hasMatches: Bool
    var hasStageRaw: Bool

    /// Copies deals, invoices, payments and (when there is one) the matches table, and checks
    /// that deals and invoices have one row per id: a duplicated id would count its partner's
    /// amounts twice, so it is reported instead of reconciled.
    static func copy(into scratch: ScratchTables, dealFilter: RowFilter? = nil) throws(Diagnostic) -> ReconcileInputs {
        let dealFields = try scratch.copy(.deals, filter: dealFilter)
        try scratch.copy(.invoices)
        try scratch.copy(.payments)
        try checkUnique(ScratchNames.deals, role: "crm.deals", in: scratch)
        try checkUnique(ScratchNames.invoices, role: "acc.invoices", in: scratch)
        let hasMatches = scratch.exists(ScratchSpec.matches.source)
        if hasMatches {
            try scratch.copy(.matches)
            try scratch.summarizeMatches()
        }
        return ReconcileInputs(hasMatches: hasMatches, hasStageRaw: dealFields.contains("stage_raw"))
    }

    /// An id twice would count its partner's amounts twice: reconcile and profit refuse it.
    static func checkUnique(_ table: String, role: String, in scratch: ScratchTables) throws(Diagnostic) {
        let sql = scratch.sql
        let repeated = try scratch.workspace.database.query(
            "SELECT id FROM \(sql.quote(table)) WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1 ORDER BY \(sql.naturalOrder("id")) LIMIT 4"
        ) { row in row.text(at: 0) }
        guard !repeated.isEmpty else { return }
        let shown = repeated.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (repeated.count > 3 ? ", …" : "")
        throw Diagnostic("\(role) has ids that appear more than once (\(shown)); each row needs its own id")
            .hint("find them: from \(role) | group id (n = count()) | where n > 1")
    }
}
