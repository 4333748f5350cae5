import SverkaSyntax

/// One data test as written: a column of a table, named query or role, the check its values
/// must pass, an optional filter on the rows tested, and when failures warn or fail.
/// `test invoices.deal_id references deals.id where amount > 0 warn if > 10`.
public struct DataTest: Sendable {
    public var column: TestedColumn
    public var check: DataCheck
    /// Only the rows where this holds are tested (`where …`, over the tested relation).
    public var filter: Expression?
    public var thresholds: DataTestThresholds
    /// The test as text, thresholds left out: its rows in `test_failures` go by this name, so a
    /// test run again replaces its own rows, whatever its thresholds.
    public var name: String

    public init(column: TestedColumn, check: DataCheck, filter: Expression? = nil,
                thresholds: DataTestThresholds = DataTestThresholds(), name: String) {
        self.column = column
        self.check = check
        self.filter = filter
        self.thresholds = thresholds
        self.name = name
    }
}

/// What a column's values must satisfy.
public enum DataCheck: Sendable {
    /// No value appears twice; nulls are not counted.
    case unique
    /// No row holds null.
    case notNull
    /// Every value is one of these (nulls pass, as in dbt's accepted_values).
    case accepted([Expression])
    /// Every value lies between the two, both included (dbt_utils' accepted_range; nulls pass).
    case between(low: Expression, high: Expression)
    /// Every value appears in that column of another relation (nulls pass).
    case references(TestedColumn)
}

/// `deals.id`, `crm.deals.id`: a relation and one of its columns, with where each was written.
public struct TestedColumn: Sendable, Hashable, CustomStringConvertible {
    /// A table, a named query or a role (`crm.deals`).
    public var relation: String
    public var relationSpan: Span
    public var column: String
    public var columnSpan: Span

    public init(relation: String, relationSpan: Span, column: String, columnSpan: Span) {
        self.relation = relation
        self.relationSpan = relationSpan
        self.column = column
        self.columnSpan = columnSpan
    }

    public var description: String { "\(relation).\(column)" }
}
