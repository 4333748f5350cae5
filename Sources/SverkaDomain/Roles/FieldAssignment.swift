import SverkaEngine

/// Where one canonical field of a mapped role takes its values from, and how that was decided.
public struct FieldAssignment: Sendable, Hashable {
    /// How the source of a field was found.
    public enum Origin: String, Sendable, Hashable, CaseIterable {
        /// Named in the command's list as a column: `(amount = budget)`.
        case column
        /// Named in the command's list as an expression: `(amount = price * qty)`.
        case expression
        /// A column with the field's own name.
        case name
        /// A column with one of the field's synonyms (`ИНН` for tax_id).
        case synonym
        /// No column: an optional field left null.
        case missing

        /// How the mapping's printout says it.
        public var phrase: String {
            switch self {
            case .column, .expression: return "named"
            case .name: return "by name"
            case .synonym: return "synonym"
            case .missing: return "missing (optional)"
            }
        }

        /// Whether `source` is a column of the table (what a reverse mapping can write to).
        public var isColumn: Bool { self == .column || self == .name || self == .synonym }
    }

    public var field: CanonicalRole.Field
    /// The column's name, or the expression as written; nil when missing.
    public var source: String?
    public var origin: Origin
    /// The source's type before conversion; nil when missing.
    public var sourceType: LogicalType?

    public init(field: CanonicalRole.Field, source: String?, origin: Origin, sourceType: LogicalType?) {
        self.field = field
        self.source = source
        self.origin = origin
        self.sourceType = sourceType
    }

    public var isMapped: Bool { origin != .missing }
}
