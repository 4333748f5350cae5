import SverkaEngine

/// How a server column is read so that its values arrive as sverka holds them: whole numbers as
/// 64-bit integers, money as integer minor units, text as text, dates and datetimes native.
/// The compiler's SQL then means the same on PostgreSQL as on SQLite (see PostgresDialect).
enum PostgresColumnReading {
    static func expression(_ column: String, oid: UInt32, as type: LogicalType) -> String {
        switch type {
        case .integer:
            return "CAST(\(column) AS bigint)"
        case .decimal(let scale):
            // Exact: numeric times a power of ten has no fraction left at the column's scale.
            let numeric = oid == PostgresTypeMapping.OID.money ? "CAST(\(column) AS numeric)" : column
            return "CAST(\(numeric) * \(ExactDecimal.powerOfTen(scale)) AS bigint)"
        case .number:
            // A real through its shortest text, as `load postgres` reads it: 0.1, not the
            // 0.10000000149… a direct cast widens its binary value to.
            if oid == PostgresTypeMapping.OID.float4 { return "CAST(CAST(\(column) AS text) AS double precision)" }
            return "CAST(\(column) AS double precision)"
        case .text:
            return PostgresTypeMapping.textTypes.contains(oid) ? column : "CAST(\(column) AS text)"
        case .date:
            return oid == PostgresTypeMapping.OID.date ? column : "CAST(\(column) AS date)"
        case .datetime:
            // timestamptz: the wall-clock time in the server session's time zone.
            return oid == PostgresTypeMapping.OID.timestamp ? column : "CAST(\(column) AS timestamp)"
        case .bool:
            return column
        case .null:
            return column
        }
    }
}

extension PostgresTypeMapping {
    /// The type of a `numeric` declared without a scale, given the most places its values have
    /// (nil: no values, so any scale holds them; two, as for money).
    static func undeclaredScaleType(_ scale: Int?) -> LogicalType {
        guard let scale else { return .decimal(scale: 2) }
        return scale <= LogicalType.maximumScale ? .decimal(scale: max(0, scale)) : .number
    }
}
