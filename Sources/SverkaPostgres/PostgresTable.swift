import SverkaEngine
import SverkaSyntax

/// One column of a server table: its server type, and the logical type sverka reads it as
/// (nil until decided, for a `numeric` declared without a scale).
struct PostgresTableColumn {
    var name: String
    var typeOID: UInt32
    var typeModifier: Int32
    var type: LogicalType?

    init(name: String, typeOID: UInt32, typeModifier: Int32) {
        self.name = name
        self.typeOID = typeOID
        self.typeModifier = typeModifier
        if case .type(let type) = PostgresTypeMapping.logicalType(typeOID: typeOID, typeModifier: typeModifier) {
            self.type = type
        }
    }
}

/// One table (or view) of an attached server.
struct PostgresTable {
    var schema: String
    var name: String
    var columns: [PostgresTableColumn]

    /// How pipelines name it after the attachment: `deals` in `public`, else `sales.deals`.
    var pipelineName: String { schema == "public" ? name : "\(schema).\(name)" }

    private var quotedName: String { PostgresIdentifier.quoted(schema) + "." + PostgresIdentifier.quoted(name) }

    /// A `numeric` without a declared scale gets the most places any of its values has (one scan
    /// of the table, once per attach): exact for every value there is, where a guess could round.
    /// When the scan fails it is read as a number, never as a decimal whose scale could round it.
    mutating func decideScales(on server: PostgresServer) {
        let undecided = columns.indices.filter { columns[$0].type == nil }
        let list = undecided.map { "CAST(max(scale(\(PostgresIdentifier.quoted(columns[$0].name)))) AS text)" }
        var scales: [String?]?
        do throws(Diagnostic) {
            try server.query("SELECT \(list.joined(separator: ", ")) FROM \(quotedName)",
                             columns: { _ throws(Diagnostic) in }, row: { fields throws(Diagnostic) in scales = fields })
        } catch {
            scales = nil
        }
        for (offset, index) in undecided.enumerated() {
            guard let scales, offset < scales.count else {
                columns[index].type = .number
                continue
            }
            columns[index].type = PostgresTypeMapping.undeclaredScaleType(scales[offset].flatMap { Int($0) })
        }
    }

    func schema(attachment: String) -> TableSchema {
        let typed = columns.map { ($0, $0.type ?? .number) }
        let list = typed.map { column, type in
            "\(PostgresColumnReading.expression(PostgresIdentifier.quoted(column.name), oid: column.typeOID, as: type)) AS "
                + PostgresIdentifier.quoted(column.name)
        }
        return TableSchema(name: "\(attachment).\(pipelineName)", kind: .table,
                           columns: typed.map { ResultColumn(name: $0.0.name, type: $0.1) },
                           attachment: attachment,
                           sourceSQL: "SELECT \(list.joined(separator: ", ")) FROM \(quotedName)")
    }
}
