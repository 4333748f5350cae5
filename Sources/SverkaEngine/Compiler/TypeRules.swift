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

    /// The type several values are compared or merged as, and the values brought to it. The
    /// first value that does not fit the first typed one is the one blamed.
    static func unify(_ values: [TypedSQL], spans: [Span], context: CompilationContext,
                      operatorSpan: Span? = nil) throws(Diagnostic) -> [TypedSQL] {
        guard let base = values.first(where: { $0.type != .null })?.type else { return values }
        for (index, value) in values.enumerated() where !compatible(base, value) {
            throw mismatch(base, value.type, at: operatorSpan ?? spans[index])
        }
        if base.isNumeric {
            if values.contains(where: { $0.type == .number }) {
                return values.map { real($0, context: context) }
            }
            let scale = values.map { TypeRules.scale(of: $0.type) }.max() ?? 0
            return values.map { rescale($0, to: scale, context: context) }
        }
        guard values.contains(where: { $0.type.isTemporal }) else { return values }
        // Dates meet datetimes at midnight; a string literal is read as a date (`>= "2026-01-01"`).
        let target: LogicalType = values.contains(where: { $0.type == .datetime }) ? .datetime : .date
        return values.map { value in
            switch (value.type, value.constant) {
            case (.text, .text(let text)?):
                if let datetime = CalendarDateTime(iso: Substring(text)) { return context.parameters.bind(.datetime(datetime)) }
                if let date = CalendarDate(iso: Substring(text)) {
                    return asTarget(context.parameters.bind(.date(date)), target, context: context)
                }
                return value
            case (.date, _):
                return asTarget(value, target, context: context)
            default:
                return value
            }
        }
    }

    /// A date as the same day at midnight, when compared with datetimes.
    private static func asTarget(_ value: TypedSQL, _ target: LogicalType, context: CompilationContext) -> TypedSQL {
        guard target == .datetime, value.type == .date else { return value }
        return TypedSQL(sql: context.dialect.dateAsDateTime(value.sql), type: .datetime, isAggregate: value.isAggregate)
    }

    /// Whether a value can be compared with values of the base type.
    private static func compatible(_ base: LogicalType, _ value: TypedSQL) -> Bool {
        let type = value.type
        if type == .null || type == base { return true }
        if base.isNumeric && type.isNumeric { return true }
        if base.isTemporal && type.isTemporal { return true }
        // A string constant that reads as a date meets dates, in either order.
        if case .text(let text)? = value.constant, base.isTemporal {
            return CalendarDate(iso: Substring(text)) != nil || CalendarDateTime(iso: Substring(text)) != nil
        }
        return false
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
            return TypedSQL(sql: dialect.divide(l.sql, r.sql), type: .number)
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
            return TypedSQL(sql: dialect.modulo(left.sql, right.sql), type: .integer)
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
