import SverkaEngine

/// What a PostgreSQL column becomes in sverka.
public enum PostgresMappedType: Sendable, Hashable {
    case type(LogicalType)
    /// A `numeric` declared without a scale: its values may have any number of places, so the
    /// caller decides the scale from the data (`PostgresTypeMapping.scale(ofNumericText:)`),
    /// or takes it as a `number` when the scale is too large.
    case decimalOfUnknownScale
}
