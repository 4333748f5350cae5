import Foundation
import SverkaEngine
import SverkaSyntax

/// Compares the CRM's deals with accounting's invoices and payments and writes every
/// disagreement to the table `mismatches` (DESIGN.md §7): one row per problem, with both
/// sides' ids and amounts. The whole run is one transaction; the work is SQL over indexed
/// scratch copies of the roles, so a million deals never pass through Swift.
public struct Reconciler {
    public let workspace: Workspace
    let dialect: any SQLDialect

    /// The table the run writes.
    public static let tableName = "mismatches"

    static let table = SQLResultTable(name: tableName, columns: [
        ResultColumn(name: "kind", type: .text), ResultColumn(name: "deal_id", type: .text),
        ResultColumn(name: "invoice_id", type: .text), ResultColumn(name: "payment_id", type: .text),
        ResultColumn(name: "client_id", type: .text), ResultColumn(name: "counterparty_id", type: .text),
        ResultColumn(name: "crm_amount", type: .decimal(scale: 2)), ResultColumn(name: "acc_amount", type: .decimal(scale: 2)),
        ResultColumn(name: "diff", type: .decimal(scale: 2)), ResultColumn(name: "note", type: .text),
    ])

    public init(workspace: Workspace) {
        self.workspace = workspace
        self.dialect = SQLiteDialect()
    }

    /// Runs the reconciliation. `asOf` leaves out deals closed, invoices issued and payments
    /// made after that day.
    public func run(asOf: CalendarDate? = nil) throws(Diagnostic) -> ReconcileReport {
        let started = Date()
        let sql = DomainSQL(dialect: dialect)
        let scope = AsOfScope(date: asOf, dialect: dialect)
        // An apply killed half-way is settled first, in its own transaction: the note on a
        // deal without an invoice depends on whether its invoice was sent.
        try SyncJournal(workspace: workspace).recover()
        return try workspace.database.inTransaction { () throws(Diagnostic) -> ReconcileReport in
            let scratch = ScratchTables(workspace: workspace, dialect: dialect)
            let inputs = try ReconcileInputs.copy(into: scratch)
            let queries = MismatchQueries(scope: scope, sql: sql, hasMatches: inputs.hasMatches,
                                          hasStageRaw: inputs.hasStageRaw, journal: sql.quote(SyncJournal.tableName))
            let table = Self.table
            try table.create(in: workspace, sql: sql)
            var skipped: [MismatchKind: String] = [:]
            for kind in MismatchKind.allCases {
                guard let select = queries.select(kind) else {
                    skipped[kind] = "not checked: no matches table ('match clients' makes it)"
                    continue
                }
                try workspace.database.runGenerated(table.insertPrefix(sql: sql) + select, scope.parameters)
            }
            let journal = SyncJournal(workspace: workspace)
            let delivered = try journal.markDelivered(invoices: ScratchNames.invoices)
            if delivered > 0 { try journal.refreshTable() }
            let lines = try summarize(skipped: skipped, sql: sql)
            try scratch.dropAll()
            return ReconcileReport(lines: lines, asOf: asOf, delivered: delivered,
                                   seconds: Date().timeIntervalSince(started))
        }
    }

    /// Count and total difference per kind, read back from the table just written.
    private func summarize(skipped: [MismatchKind: String], sql: DomainSQL) throws(Diagnostic) -> [ReconcileReport.Line] {
        let found = try workspace.database.query(
            "SELECT kind, count(*), sum(diff), count(diff) FROM \(sql.quote(Self.tableName)) GROUP BY kind"
        ) { row in (row.text(at: 0), Int(row.int64(at: 1)), row.int64(at: 2), row.int64(at: 3)) }
        var byKind: [String: (Int, Int64, Int64)] = [:]
        for (kind, count, diff, diffs) in found { byKind[kind] = (count, diff, diffs) }
        return MismatchKind.allCases.map { kind in
            let entry = byKind[kind.rawValue]
            let diff = entry.flatMap { $0.2 > 0 ? ExactDecimal(units: $0.1, scale: 2) : nil }
            return ReconcileReport.Line(kind: kind, count: entry?.0 ?? 0, diff: diff, skipped: skipped[kind])
        }
    }
}
