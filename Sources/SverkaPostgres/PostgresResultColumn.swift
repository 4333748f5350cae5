/// A column of a result as the server describes it.
public struct PostgresResultColumn: Sendable, Hashable {
    public var name: String
    /// The type's OID in `pg_type` (25 is text); `PostgresTypeMapping` reads the common ones.
    public var typeOID: UInt32
    /// The type's modifier: for `numeric(p, s)` its precision and scale, -1 when there is none.
    public var typeModifier: Int32

    public init(name: String, typeOID: UInt32, typeModifier: Int32) {
        self.name = name
        self.typeOID = typeOID
        self.typeModifier = typeModifier
    }
}
