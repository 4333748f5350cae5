import SverkaSyntax

/// A compiled expression: its SQL text and what it means.
struct TypedSQL {
    var sql: String
    var type: LogicalType
    /// Contains an aggregate call (`sum(…)`), so it belongs in a group's aggregate list.
    var isAggregate = false
    /// The value, when the expression is a constant (a literal or a variable): lets the compiler
    /// rescale money literals at compile time instead of in SQL.
    var constant: Value?
}

/// The bound parameters of one compilation, numbered in the order they are first added.
final class ParameterList {
    private(set) var values: [StoredValue] = []
    let dialect: any SQLDialect

    init(dialect: any SQLDialect) { self.dialect = dialect }

    /// A placeholder bound to this value, typed as the value's logical type.
    func bind(_ value: Value) -> TypedSQL {
        if value == .null { return TypedSQL(sql: "NULL", type: .null, constant: .null) }
        values.append(value.storage)
        return TypedSQL(sql: dialect.placeholder(values.count, type: value.type), type: value.type, constant: value)
    }
}
