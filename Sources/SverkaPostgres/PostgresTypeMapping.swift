import SverkaEngine

/// How PostgreSQL's types and sverka's logical types correspond, both ways.
public enum PostgresTypeMapping {
    /// OIDs from `pg_type` that have a fixed meaning in every PostgreSQL database.
    enum OID {
        static let bool: UInt32 = 16
        static let name: UInt32 = 19
        static let int8: UInt32 = 20
        static let int2: UInt32 = 21
        static let int4: UInt32 = 23
        static let text: UInt32 = 25
        static let oid: UInt32 = 26
        static let float4: UInt32 = 700
        static let float8: UInt32 = 701
        static let unknown: UInt32 = 705
        static let money: UInt32 = 790
        static let bpchar: UInt32 = 1042
        static let varchar: UInt32 = 1043
        static let date: UInt32 = 1082
        static let timestamp: UInt32 = 1114
        static let timestamptz: UInt32 = 1184
        static let numeric: UInt32 = 1700
    }

    /// The types whose values arrive as their text (in both the text and binary formats), so a
    /// query's cells can be read as strings: what `…::text` gives.
    static let textTypes: Set<UInt32> = [OID.text, OID.varchar, OID.bpchar, OID.name, OID.unknown]

    /// The sverka type for a column of `typeOID` with `typeModifier`.
    ///
    /// `timestamptz` becomes a `datetime` as the session's time zone shows it (its `::text`
    /// carries an offset, which `textToValue` drops); `numeric(p, s)` a `decimal(s)` when `s`
    /// is at most `LogicalType.maximumScale`, else a `number`; anything not listed (uuid, json,
    /// arrays, intervals, time of day) is text.
    public static func logicalType(typeOID: UInt32, typeModifier: Int32) -> PostgresMappedType {
        switch typeOID {
        case OID.int2, OID.int4, OID.int8, OID.oid: return .type(.integer)
        case OID.float4, OID.float8: return .type(.number)
        case OID.money: return .type(.decimal(scale: 2))
        case OID.bool: return .type(.bool)
        case OID.date: return .type(.date)
        case OID.timestamp, OID.timestamptz: return .type(.datetime)
        case OID.numeric:
            guard let scale = numericScale(typeModifier: typeModifier) else { return .decimalOfUnknownScale }
            return scale <= LogicalType.maximumScale ? .type(.decimal(scale: scale)) : .type(.number)
        default: return .type(.text)
        }
    }

    /// The scale of `numeric(p, s)` from its modifier, `((p << 16) | s) + 4`; nil for a bare
    /// `numeric`. Since PostgreSQL 15 the scale is an 11-bit signed number and may be negative
    /// (rounding to tens, hundreds): such values are whole, so their scale here is 0.
    static func numericScale(typeModifier: Int32) -> Int? {
        guard typeModifier >= 4 else { return nil }
        let bits = Int((typeModifier - 4) & 0x7ff)
        return max(0, (bits ^ 1024) - 1024)
    }

    /// How to write a column of `typeOID` in a SELECT so that its text reads back with
    /// `textToValue`: `::text` for most, `::numeric::text` for money, whose own text follows
    /// `lc_monetary` (`$1,234.50`).
    public static func textCast(typeOID: UInt32) -> String {
        typeOID == OID.money ? "::numeric::text" : "::text"
    }

    /// The column type a server table gets for a sverka type. Decimals keep 28 digits of
    /// precision: more than 64-bit minor units can hold, so any sverka value fits.
    public static func columnType(for type: LogicalType) -> String {
        switch type {
        case .integer: return "bigint"
        case .decimal(let scale): return "numeric(28, \(scale))"
        case .number: return "double precision"
        case .text, .null: return "text"
        case .date: return "date"
        case .datetime: return "timestamp"
        case .bool: return "boolean"
        }
    }
}
