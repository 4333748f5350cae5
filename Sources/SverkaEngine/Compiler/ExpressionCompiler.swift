import SverkaSyntax

/// Where an expression stands, which decides what it may contain.
enum ExpressionPlace {
    /// A row-level expression: `where`, `derive`, `select`, `sort`, group keys.
    case row
    /// An item of a group's aggregate list: aggregates allowed, bare columns must be keys.
    case aggregate
}

/// Compiles expressions to typed SQL against a scope, checking types as it goes.
struct ExpressionCompiler {
    let scope: Scope
    let context: CompilationContext
    var place: ExpressionPlace = .row
    /// Inside an aggregate's argument: a second aggregate there is an error.
    var insideAggregate = false

    var dialect: any SQLDialect { context.dialect }

    func compile(_ expression: Expression) throws(Diagnostic) -> TypedSQL {
        switch expression.kind {
        case .literal(let literal):
            return context.parameters.bind(Self.value(of: literal))
        case .column(let name):
            guard place == .aggregate, !insideAggregate else {
                let column = try scope.resolve(name)
                return TypedSQL(sql: column.sql, type: column.type, isAggregate: column.isAggregate)
            }
            // Outside an aggregate, a group's list may name a key: by its output name (which
            // may be a computed key's), or as the very column the key is.
            if name.parts.count == 1, let key = context.groupKeys.first(where: { $0.name == name.last.text }) {
                return TypedSQL(sql: key.sql, type: key.type)
            }
            let column = try scope.resolve(name)
            guard column.isAggregate || context.groupKeys.contains(where: { $0.sql == column.sql }) else {
                throw Diagnostic("column '\(name)' is neither a group key nor inside an aggregate", at: expression.span)
                    .hint("add it to the keys (group \(name), … (…)) or aggregate it, e.g. min(\(name))")
            }
            return TypedSQL(sql: column.sql, type: column.type, isAggregate: column.isAggregate)
        case .variable(let name):
            guard let value = context.variables[name.text] else {
                var error = Diagnostic("unknown variable $\(name.text)", at: expression.span)
                if let suggestion = Suggestion.closest(to: name.text, among: Array(context.variables.keys)) {
                    error = error.hint("did you mean $\(suggestion)?")
                }
                throw error.hint("define it with 'let \(name.text) = …' or 'sverka run … --set \(name.text)=…'")
            }
            return context.parameters.bind(value)
        case .unary(let op, let operand):
            return try compileUnary(op, operand, span: expression.span)
        case .binary(let op, let left, let right):
            return try compileBinary(op, left, right, span: expression.span)
        case .call(let name, let arguments):
            return try FunctionCall(compiler: self, name: name, arguments: arguments, span: expression.span).compile()
        case .inList(let subject, let items, let negated):
            var values = [try compile(subject)]
            for item in items { values.append(try compile(item)) }
            let unified = try TypeRules.unify(values, spans: [subject.span] + items.map(\.span), context: context)
            let list = unified.dropFirst().map(\.sql).joined(separator: ", ")
            return TypedSQL(sql: "(\(unified[0].sql) \(negated ? "NOT IN" : "IN") (\(list)))",
                            type: .bool, isAggregate: values.contains { $0.isAggregate })
        case .between(let subject, let low, let high, let negated):
            let values = [try compile(subject), try compile(low), try compile(high)]
            let u = try TypeRules.unify(values, spans: [subject.span, low.span, high.span], context: context)
            let range = "(\(u[0].sql) >= \(u[1].sql) AND \(u[0].sql) <= \(u[2].sql))"
            return TypedSQL(sql: negated ? "(NOT \(range))" : range, type: .bool,
                            isAggregate: values.contains { $0.isAggregate })
        case .isNull(let subject, let negated):
            let value = try compile(subject)
            return TypedSQL(sql: "(\(value.sql) IS \(negated ? "NOT " : "")NULL)", type: .bool, isAggregate: value.isAggregate)
        }
    }

    /// Compiles a condition, which must be true or false.
    func compileCondition(_ expression: Expression, for keyword: String) throws(Diagnostic) -> TypedSQL {
        let condition = try compile(expression)
        guard condition.type == .bool || condition.type == .null else {
            throw Diagnostic("'\(keyword)' needs a condition that is true or false, but this is \(condition.type)",
                             at: expression.span)
                .hint("compare it with something, e.g. \(context.source(expression.span)) > 0")
        }
        return condition
    }

    private func compileUnary(_ op: UnaryOperator, _ operand: Expression, span: Span) throws(Diagnostic) -> TypedSQL {
        let value = try compile(operand)
        switch op {
        case .negate:
            if case .integer(let number)? = value.constant {
                return context.parameters.bind(.integer(-number))
            }
            if case .decimal(let number)? = value.constant {
                return context.parameters.bind(.decimal(ExactDecimal(units: -number.units, scale: number.scale)))
            }
            guard value.type.isNumeric || value.type == .null else {
                throw Diagnostic("cannot negate \(value.type)", at: span)
            }
            return TypedSQL(sql: "(-\(value.sql))", type: value.type, isAggregate: value.isAggregate)
        case .not:
            guard value.type == .bool || value.type == .null else {
                throw Diagnostic("'not' needs a condition, but this is \(value.type)", at: operand.span)
            }
            return TypedSQL(sql: "(NOT \(value.sql))", type: .bool, isAggregate: value.isAggregate)
        }
    }

    private func compileBinary(_ op: BinaryOperator, _ leftExpression: Expression, _ rightExpression: Expression,
                               span: Span) throws(Diagnostic) -> TypedSQL {
        // `x == null` means "x is null", as a reader expects; SQL's `= NULL` is never true.
        if op == .equal || op == .notEqual {
            var other: Expression?
            if case .literal(.null) = rightExpression.kind { other = leftExpression }
            if case .literal(.null) = leftExpression.kind { other = rightExpression }
            if let other {
                let value = try compile(other)
                return TypedSQL(sql: "(\(value.sql) IS \(op == .notEqual ? "NOT " : "")NULL)", type: .bool,
                                isAggregate: value.isAggregate)
            }
        }
        let left = try compile(leftExpression)
        let right = try compile(rightExpression)
        let aggregate = left.isAggregate || right.isAggregate
        switch op {
        case .and, .or:
            for (value, side) in [(left, leftExpression), (right, rightExpression)]
            where value.type != .bool && value.type != .null {
                throw Diagnostic("'\(op.rawValue)' joins conditions, but this is \(value.type)", at: side.span)
            }
            return TypedSQL(sql: "(\(left.sql) \(op == .and ? "AND" : "OR") \(right.sql))", type: .bool, isAggregate: aggregate)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let u = try TypeRules.unify([left, right], spans: [leftExpression.span, rightExpression.span],
                                        context: context, operatorSpan: span)
            let (l, r) = (u[0], u[1])
            let symbol = op == .equal ? "=" : (op == .notEqual ? "<>" : op.rawValue)
            return TypedSQL(sql: "(\(l.sql) \(symbol) \(r.sql))", type: .bool, isAggregate: aggregate)
        case .add, .subtract, .multiply, .divide, .modulo:
            var result = try TypeRules.arithmetic(op, left, right, span: span, context: context)
            result.isAggregate = aggregate
            return result
        }
    }

    static func value(of literal: Literal) -> Value {
        switch literal {
        case .integer(let value): return .integer(value)
        case .decimal(let units, let scale): return .decimal(ExactDecimal(units: units, scale: scale))
        case .string(let text): return .text(text)
        case .date(let year, let month, let day):
            return CalendarDate(year: year, month: month, day: day).map(Value.date) ?? .null
        case .datetime(let year, let month, let day, let hour, let minute, let second):
            guard let date = CalendarDate(year: year, month: month, day: day),
                  let datetime = CalendarDateTime(date: date, hour: hour, minute: minute, second: second) else { return .null }
            return .datetime(datetime)
        case .bool(let value): return .bool(value)
        case .null: return .null
        }
    }
}
