import SverkaEngine
import SverkaSyntax

/// `dedupe clients` / `dedupe counterparties` on a workspace: finds the groups and writes them
/// as a table (`duplicates` unless told otherwise).
public struct Deduplication {
    /// Which system's records to look at.
    public enum Side: String, Sendable, CaseIterable {
        case clients, counterparties

        public var role: String {
            switch self {
            case .clients: return ClientMatching.clientsRole
            case .counterparties: return ClientMatching.counterpartiesRole
            }
        }
    }

    public static let defaultTable = "duplicates"

    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Replaces `table` with `duplicates(group_id, id, name, tax_id, reason, survivor)`.
    public func run(_ side: Side, into table: String = Deduplication.defaultTable) throws(Diagnostic) -> DuplicateReport {
        let records = try PartyReader(workspace: workspace).read(side.role).records
        let report = DuplicateFinder.find(in: records)
        try ResultTables.replace([Self.table(report, named: table)], in: workspace, by: "dedupe \(side.rawValue)")
        return report
    }

    static func table(_ report: DuplicateReport, named name: String) -> ResultTable {
        var rows: [[Value]] = []
        for (offset, group) in report.groups.enumerated() {
            for member in group.members {
                rows.append([.integer(Int64(offset + 1)), .text(member.record.id), .text(member.record.name),
                             member.record.taxID.map(Value.text) ?? .null, .text(member.reason), .bool(member.isSurvivor)])
            }
        }
        let columns = [ResultColumn(name: "group_id", type: .integer), ResultColumn(name: "id", type: .text),
                       ResultColumn(name: "name", type: .text), ResultColumn(name: "tax_id", type: .text),
                       ResultColumn(name: "reason", type: .text), ResultColumn(name: "survivor", type: .bool)]
        return ResultTable(name: name, columns: columns, rows: rows)
    }
}
