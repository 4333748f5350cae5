import SverkaEngine
import SverkaSyntax

/// What the compiler needs to read a condition the user wrote (`sync invoices where …`): the
/// session's variables, and the source text its spans point into.
public struct QueryContext {
    public var variables: [String: Value]
    public var source: SourceText?

    public init(variables: [String: Value] = [:], source: SourceText? = nil) {
        self.variables = variables
        self.source = source
    }
}

/// A condition the user wrote, to keep only some rows of a role.
public struct RowFilter {
    public var condition: SverkaSyntax.Expression
    public var context: QueryContext

    public init(condition: SverkaSyntax.Expression, context: QueryContext) {
        self.condition = condition
        self.context = context
    }
}
