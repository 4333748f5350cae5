import SverkaEngine
import SverkaSyntax

/// What `map` was asked: a table, a role, the fields named in the command, and its options.
public struct MappingRequest: Sendable {
    public var table: Name
    public var role: Name
    /// `(field = column_or_expression, …)` as written; the rest are found by name.
    public var fields: [NamedExpression]
    public var options: MappingOptions
    /// The statement's text: expressions are stored as written in it, and errors point into it.
    public var source: SourceText?

    public init(table: Name, role: Name, fields: [NamedExpression] = [], options: MappingOptions = MappingOptions(),
                source: SourceText? = nil) {
        self.table = table
        self.role = role
        self.fields = fields
        self.options = options
        self.source = source
    }
}

/// What `map` did: the mapping as stored, the role's row count, and what the user should know
/// about it (conversions, values read as null, how the stages came out, columns left unused).
public struct MappingReport: Sendable {
    public var mapping: RoleMapping
    /// The role's query, as stored in the catalog.
    public var definition: String
    public var rows: Int
    /// The table the role was bound to before, when `map` replaced another binding.
    public var previousTable: String?
    /// Per field: what its conversion changes (`decimal(4) rounded to 2 places`).
    public var conversionNotes: [String: String]
    /// Values that do not convert and were read as null (with `on_error: "null"`).
    public var nullValues: [ConversionFailures]
    /// How the deals' stages came out; nil for roles without a stage.
    public var stages: StageCounts?
    /// Columns of the table no field reads.
    public var unusedColumns: [String]
}

/// The values of one field that are not what the field needs (an amount, a date).
public struct ConversionFailures: Sendable, Hashable {
    public struct Example: Sendable, Hashable {
        /// The row's position in the table, from 1 (for a loaded file: its data row).
        public var row: Int
        public var value: String
    }

    public var field: String
    /// The column, or the expression, the values come from.
    public var source: String
    /// "amount", "date", "number".
    public var expected: String
    public var count: Int
    /// The first few, in row order.
    public var examples: [Example]

    /// "1 value is not an amount", "3 values are not dates".
    public var verdict: String {
        guard count != 1 else { return "1 value is not \(expected.first == "a" ? "an" : "a") \(expected)" }
        return "\(count) values are not \(expected)s"
    }

    /// `row 2: "n/a", row 4: "-"`, with `…` when there are more.
    public var exampleList: String {
        examples.map { "row \($0.row): \(PipelineText.string($0.value))" }.joined(separator: ", ")
            + (count > examples.count ? ", …" : "")
    }
}

/// Deals by normalised stage, and the raw values that fell to "open", most frequent first —
/// the ones to look at when a won or lost name is missing from the lists.
public struct StageCounts: Sendable, Hashable, Codable {
    /// A raw stage value and how many deals have it; `value` nil for deals with no stage.
    public struct RawValue: Sendable, Hashable, Codable {
        public var value: String?
        public var count: Int

        public init(value: String?, count: Int) {
            self.value = value
            self.count = count
        }
    }

    public var won: Int
    public var lost: Int
    public var open: Int
    /// Raw values read as open, most frequent first.
    public var openValues: [RawValue]

    public init(won: Int, lost: Int, open: Int, openValues: [RawValue]) {
        self.won = won
        self.lost = lost
        self.open = open
        self.openValues = openValues
    }
}

/// One line of `roles`: a canonical role, and what it is bound to.
public struct RoleStatus: Sendable, Hashable {
    public var role: CanonicalRole
    /// nil when the role is not mapped.
    public var mapping: RoleMapping?
    /// nil when not mapped, or when its query no longer runs.
    public var rows: Int?
    /// Why the role cannot be read, when it cannot (its table was dropped or changed).
    public var problem: String?
}
