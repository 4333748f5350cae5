import SverkaSyntax

/// The columns an expression reads, for telling which columns of a table a mapping leaves unused.
enum ColumnReferences {
    static func names(in expression: Expression) -> [String] {
        switch expression.kind {
        case .literal, .variable:
            return []
        case .column(let name):
            return [name.last.text]
        case .unary(_, let operand), .isNull(let operand, _):
            return names(in: operand)
        case .binary(_, let left, let right):
            return names(in: left) + names(in: right)
        case .call(_, let arguments):
            return arguments.flatMap(names)
        case .inList(let value, let items, _):
            return names(in: value) + items.flatMap(names)
        case .between(let value, let low, let high, _):
            return names(in: value) + names(in: low) + names(in: high)
        }
    }
}
