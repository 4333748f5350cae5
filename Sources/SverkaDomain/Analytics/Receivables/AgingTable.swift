import SverkaEngine
import SverkaSyntax

/// The table `aging`, in one of two shapes. Per bucket: bucket, invoices, outstanding — one row
/// per bucket, then a `total` row. By client: client_id, counterparty_id (for a counterparty no
/// client is matched to), name, invoices, a column per bucket (named as the buckets are),
/// outstanding, overdue and days_overdue (the oldest overdue invoice's), largest debt first; the
/// totals are the per-bucket figures of the same run.
public enum AgingTable {
    public static func columns(for buckets: AgingBuckets, byClient: Bool) -> [ResultColumn] {
        guard byClient else {
            return [ResultColumn(name: "bucket", type: .text), ResultColumn(name: "invoices", type: .integer),
                    ResultColumn(name: "outstanding", type: money)]
        }
        return [ResultColumn(name: "client_id", type: .text), ResultColumn(name: "counterparty_id", type: .text),
                ResultColumn(name: "name", type: .text), ResultColumn(name: "invoices", type: .integer)]
            + buckets.names.map { ResultColumn(name: $0, type: money) }
            + [ResultColumn(name: "outstanding", type: money), ResultColumn(name: "overdue", type: money),
               ResultColumn(name: "days_overdue", type: .integer)]
    }

    public static func rows(of result: AgingResult) -> [[Value]] {
        guard result.request.byClient else {
            return result.lines.map { [.text($0.bucket), .integer(Int64($0.invoices)), .decimal($0.outstanding)] }
                + [[.text("total"), .integer(Int64(result.invoices)), .decimal(result.total)]]
        }
        return result.parties.map { party in
            [party.clientID.map(Value.text) ?? .null, party.clientID == nil ? party.counterpartyID.map(Value.text) ?? .null : .null,
             party.name.map(Value.text) ?? .null, .integer(Int64(party.invoices))]
                + party.amounts.map(Value.decimal)
                + [.decimal(party.outstanding), .decimal(party.overdue), party.oldestDaysOverdue.map { .integer(Int64($0)) } ?? .null]
        }
    }

    static func write(_ result: AgingResult, in workspace: Workspace) throws(Diagnostic) {
        let table = ResultTable(name: Receivables.agingTable,
                                columns: columns(for: result.request.buckets, byClient: result.request.byClient),
                                rows: rows(of: result))
        try ResultTables.replace([table], in: workspace, by: "aging")
    }

    private static let money = LogicalType.decimal(scale: 2)
}
