import SverkaSyntax

/// How values of different logical types combine: money stays exact, dates stay dates, and a
/// mismatch is an error at the operator, never a silent SQLite coercion.
enum TypeRules {
    /// The same value at a larger decimal scale; constants are rescaled at compile time.
    static func rescale(_ value: TypedSQL, to scale: Int, context: CompilationContext) -> TypedSQL {
        let current: Int
        switch value.type {
        case .integer: current = 0
        case .decimal(let s): current = s
        default: return value
        }
        guard scale > current else { return value }
        if let constant = value.constant {
            let exact: ExactDecimal?
            switch constant {
            case .integer(let number): exact = ExactDecimal(units: number, scale: 0).rescaled(to: scale)
            case .decimal(let number): exact = number.rescaled(to: scale)
            default: exact = nil
            }
            if let exact { return context.parameters.bind(.decimal(exact)) }
        }
        let factor = ExactDecimal.powerOfTen(scale - current)
        return TypedSQL(sql: "(\(value.sql) * \(factor))", type: .decimal(scale: scale), isAggregate: value.isAggregate)
    }

    /// The value as a floating-point number (for ratios and mixed arithmetic).
    static func real(_ value: TypedSQL, context: CompilationContext) -> TypedSQL {
        switch value.type {
        case .number, .null: return value
        case .decimal(let scale):
            let sql = "(\(context.dialect.toReal(value.sql)) / \(ExactDecimal.powerOfTen(scale)))"
            return TypedSQL(sql: sql, type: .number, isAggregate: value.isAggregate)
        default:
            return TypedSQL(sql: context.dialect.toReal(value.sql), type: .number, isAggregate: value.isAggregate)
        }
    }

    /// The type several values are compared or merged as, and the values brought to it.
    static func unify(_ values: [TypedSQL], spans: [Span], context: CompilationContext,
                      operatorSpan: Span? = nil) throws(Diagnostic) -> [TypedSQL] {
        let typed = values.filter { $0.type != .null }
        guard let first = typed.first else { return values }
        if typed.allSatisfy({ $0.type.isNumeric }) {
            if typed.contains(where: { $0.type == .number }) {
                return values.map { real($0, context: context) }
            }
            let scale = typed.map { if case .decimal(let s) = $0.type { return s } else { return 0 } }.max() ?? 0
            return values.map { rescale($0, to: scale, context: context) }
        }
        // A date compared with a string literal: read the literal as a date (`closed_at >= "2026-01-01"`).
        if typed.contains(where: { $0.type.isTemporal }) {
            var result = values
            for (index, value) in values.enumerated() where value.type == .text {
                guard case .text(let text)? = value.constant,
                      let converted = CalendarDateTime(iso: Substring(text)).map(Value.datetime)
                        ?? CalendarDate(iso: Substring(text)).map(Value.date) else {
                    throw mismatch(first.type, value.type, at: operatorSpan ?? spans[index])
                }
                result[index] = context.parameters.bind(converted)
            }
            for (index, value) in result.enumerated() where value.type != .null && !value.type.isTemporal {
                throw mismatch(first.type, value.type, at: operatorSpan ?? spans[index])
            }
            return result
        }
        for (index, value) in values.enumerated() where value.type != .null && value.type != first.type {
            throw mismatch(first.type, value.type, at: operatorSpan ?? spans[index])
        }
        return values
    }

    private static func mismatch(_ a: LogicalType, _ b: LogicalType, at span: Span) -> Diagnostic {
        var error = Diagnostic("cannot compare \(a) with \(b)", at: span)
        if a == .text || b == .text {
            error = error.hint("convert one side, e.g. text(x), or number(x) for a number stored as text")
        }
        return error
    }

    static func arithmetic(_ op: BinaryOperator, _ left: TypedSQL, _ right: TypedSQL, span: Span,
                           context: CompilationContext) throws(Diagnostic) -> TypedSQL {
        let dialect = context.dialect
        // Dates: date ± days, date − date.
        if left.type == .date || right.type == .date {
            if op == .add || op == .subtract, left.type == .date, right.type == .integer {
                let days = op == .add ? right.sql : "(-\(right.sql))"
                return TypedSQL(sql: dialect.addDays(left.sql, days), type: .date)
            }
            if op == .add, left.type == .integer, right.type == .date {
                return TypedSQL(sql: dialect.addDays(right.sql, left.sql), type: .date)
            }
            if op == .subtract, left.type == .date, right.type == .date {
                return TypedSQL(sql: dialect.daysBetween(right.sql, left.sql), type: .integer)
            }
            throw Diagnostic("cannot apply '\(op.rawValue)' to \(left.type) and \(right.type)", at: span)
                .hint("dates take whole days: d + 30, d - 7, and d1 - d2 gives the days between them")
        }
        if left.type == .text || right.type == .text {
            if op == .add, left.type != .null || right.type != .null,
               [left.type, right.type].allSatisfy({ $0 == .text || $0 == .null }) {
                return TypedSQL(sql: dialect.concat([left.sql, right.sql]), type: .text)
            }
            throw Diagnostic("cannot apply '\(op.rawValue)' to \(left.type) and \(right.type)", at: span)
                .hint(op == .add ? "to join text with other values use concat(a, b)" : "convert the text first, e.g. number(x)")
        }
        for value in [left, right] where !value.type.isNumeric && value.type != .null {
            throw Diagnostic("cannot apply '\(op.rawValue)' to \(left.type) and \(right.type)", at: span)
        }
        let symbol = op.rawValue
        if op == .divide {
            let l = real(left, context: context), r = real(right, context: context)
            return TypedSQL(sql: "(\(l.sql) / \(r.sql))", type: .number)
        }
        if left.type == .number || right.type == .number {
            let l = real(left, context: context), r = real(right, context: context)
            return TypedSQL(sql: "(\(l.sql) \(symbol) \(r.sql))", type: .number)
        }
        let leftScale = scale(of: left.type), rightScale = scale(of: right.type)
        switch op {
        case .add, .subtract:
            let scale = max(leftScale, rightScale)
            let l = rescale(left, to: scale, context: context), r = rescale(right, to: scale, context: context)
            let type: LogicalType = left.type.isDecimal || right.type.isDecimal ? .decimal(scale: scale) : .integer
            return TypedSQL(sql: "(\(l.sql) \(symbol) \(r.sql))", type: type)
        case .multiply:
            let scale = leftScale + rightScale
            if scale > LogicalType.maximumScale {
                let l = real(left, context: context), r = real(right, context: context)
                return TypedSQL(sql: "(\(l.sql) * \(r.sql))", type: .number)
            }
            let isDecimal = left.type.isDecimal || right.type.isDecimal
            return TypedSQL(sql: "(\(left.sql) * \(right.sql))", type: isDecimal ? .decimal(scale: scale) : .integer)
        case .modulo:
            guard left.type == .integer || left.type == .null, right.type == .integer || right.type == .null else {
                throw Diagnostic("'%' takes whole numbers, not \(left.type) and \(right.type)", at: span)
            }
            return TypedSQL(sql: "(\(left.sql) % \(right.sql))", type: .integer)
        default:
            throw Diagnostic("cannot apply '\(symbol)' here", at: span)
        }
    }

    static func scale(of type: LogicalType) -> Int {
        if case .decimal(let scale) = type { return scale }
        return 0
    }
}

extension LogicalType {
    var isDecimal: Bool {
        if case .decimal = self { return true }
        return false
    }
}
