import Foundation
import SverkaEngine
import SverkaSyntax

/// Proposes what one system lacks and, on `apply`, writes it to an outbox file for the other
/// system and records each item in the journal, so that nothing is sent twice (DESIGN.md §7).
///
/// Proposing changes nothing but the result tables `proposals` and `conflicts` (and marks
/// journal entries delivered once the other system has them).
public struct Synchronizer {
    public let workspace: Workspace
    let fieldNames: any FieldSourceNames
    let dialect: any SQLDialect = SQLiteDialect()

    public static let proposalsTable = "proposals"
    static let stagingTable = "_sverka_sy_proposals"

    /// `fieldNames` tells the outbox the target system's column names; by default the
    /// mapping stored in the workspace.
    public init(workspace: Workspace, fieldNames: (any FieldSourceNames)? = nil) {
        self.workspace = workspace
        self.fieldNames = fieldNames ?? StoredFieldSources(workspace: workspace)
    }

    public func propose(_ request: SyncRequest) throws(Diagnostic) -> SyncReport {
        let started = Date()
        try SyncJournal(workspace: workspace).recover()
        var report = try workspace.database.inTransaction { () throws(Diagnostic) -> SyncReport in
            let run = try prepare(request)
            try run.scratch.dropAll()
            return run.report
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: - Proposing

    /// A run's proposals, still in their scratch table.
    struct Run {
        var report: SyncReport
        var plan: ProposalPlan
        var scratch: ScratchTables
    }

    /// Copies the roles, settles deliveries, and writes `proposals` and `conflicts`; the
    /// caller holds the transaction and drops the scratch tables.
    func prepare(_ request: SyncRequest) throws(Diagnostic) -> Run {
        let sql = DomainSQL(dialect: dialect)
        let scope = AsOfScope(date: request.asOf, dialect: dialect)
        let scratch = ScratchTables(workspace: workspace, dialect: dialect)
        let inputs = try ReconcileInputs.copy(into: scratch, dealFilter: request.filter)
        let journal = SyncJournal(workspace: workspace)
        let delivered = try journal.markDelivered(invoices: ScratchNames.invoices)
        if delivered > 0 { try journal.refreshTable() }
        let plan = switch request.kind {
        case .invoices:
            InvoiceProposals.plan(scope: scope, sql: sql, hasMatches: inputs.hasMatches, issue: request.day, due: request.dueDate)
        case .statuses:
            StatusProposals.plan(scope: scope, sql: sql, reference: request.day)
        }
        try scratch.create(Self.stagingTable, as: plan.select, parameters: plan.parameters)
        let table = SQLResultTable(name: Self.proposalsTable, columns: plan.columns)
        try table.create(in: workspace, sql: sql)
        let names = plan.columns.map { sql.quote($0.name) }.joined(separator: ", ")
        try workspace.database.run(table.insertPrefix(sql: sql)
            + "SELECT \(names) FROM \(sql.quote(Self.stagingTable)) ORDER BY \(sql.naturalOrder("deal_id"))")
        let counts = try workspace.database.query(
            "SELECT count(*), COALESCE(sum(CASE WHEN complete = 1 THEN 0 ELSE 1 END), 0) FROM \(sql.quote(Self.stagingTable))"
        ) { row in (Int(row.int64(at: 0)), Int(row.int64(at: 1))) }.first ?? (0, 0)
        let declarations = try MasterFields(workspace: workspace).all()
        let conflicts = try ConflictFinder(scratch: scratch, declarations: declarations).run(hasMatches: inputs.hasMatches)
        let report = SyncReport(kind: request.kind, proposals: counts.0, incomplete: counts.1, conflicts: conflicts.count,
                                conflictsNote: conflicts.skipped, delivered: delivered, asOf: request.asOf, seconds: 0)
        return Run(report: report, plan: plan, scratch: scratch)
    }

    /// The rows of the outbox file: the complete proposals, each column under the target
    /// system's own name for it.
    func outboxQuery(_ plan: ProposalPlan) -> CompiledQuery {
        let sql = DomainSQL(dialect: dialect)
        let fields = plan.outbox.map { field in
            ResultColumn(name: field.field.flatMap { fieldNames.sourceColumn(role: plan.targetRole, field: $0) } ?? field.label,
                         type: field.type)
        }
        let list = zip(plan.outbox, fields).map { "\(sql.quote($0.column)) AS \(sql.quote($1.name))" }
        let text = "SELECT \(list.joined(separator: ", ")) FROM \(sql.quote(Self.stagingTable)) "
            + "WHERE complete = 1 ORDER BY \(sql.naturalOrder("deal_id"))"
        return CompiledQuery(sql: text, parameters: [], columns: fields, engine: dialect.name)
    }

    /// The journal's items: the complete proposals' keys, deals and payloads.
    func outboxItems() throws(Diagnostic) -> [SyncJournal.Item] {
        let sql = DomainSQL(dialect: dialect)
        return try workspace.database.query(
            "SELECT \(sql.quote("key")), deal_id, payload FROM \(sql.quote(Self.stagingTable)) "
                + "WHERE complete = 1 ORDER BY \(sql.naturalOrder("deal_id"))"
        ) { row in SyncJournal.Item(key: row.text(at: 0), dealID: row.text(at: 1), payload: row.text(at: 2)) }
    }
}
