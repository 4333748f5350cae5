import SverkaSyntax

/// Compiles one function call: checks its arguments' number and types and writes its SQL.
struct FunctionCall {
    let compiler: ExpressionCompiler
    let name: Name
    let arguments: [Expression]
    let span: Span

    private var context: CompilationContext { compiler.context }
    private var dialect: any SQLDialect { compiler.context.dialect }

    func compile() throws(Diagnostic) -> TypedSQL {
        let function = name.text.lowercased()
        guard let description = FunctionCatalog.named(function) else {
            var error = Diagnostic("unknown function '\(name.text)'", at: name.span)
            if let suggestion = Suggestion.closest(to: name.text, among: FunctionCatalog.all.map(\.name)) {
                error = error.hint("did you mean '\(suggestion)'?")
            }
            throw error.hint("'help functions' lists them")
        }
        if description.isAggregate { return try compileAggregate(function) }
        if function == "rows" { return try compileRows() }
        let values = try compileArguments()
        return try compileScalar(function, values, description: description)
    }

    private func compileArguments() throws(Diagnostic) -> [TypedSQL] {
        var values: [TypedSQL] = []
        for argument in arguments { values.append(try compiler.compile(argument)) }
        return values
    }

    private func expectCount(_ range: ClosedRange<Int>, _ description: FunctionDescription) throws(Diagnostic) {
        guard range.contains(arguments.count) else {
            let wanted = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw Diagnostic("\(name.text)() takes \(wanted) argument\(range.upperBound == 1 ? "" : "s"), not \(arguments.count)",
                             at: span).hint("write \(description.signature)")
        }
    }

    private func expect(_ value: TypedSQL, at index: Int, _ allowed: (LogicalType) -> Bool, _ what: String) throws(Diagnostic) {
        guard value.type == .null || allowed(value.type) else {
            throw Diagnostic("\(name.text)() needs \(what), but this is \(value.type)", at: arguments[index].span)
        }
    }

    // MARK: - Aggregates

    private func compileAggregate(_ function: String) throws(Diagnostic) -> TypedSQL {
        guard compiler.place == .aggregate else {
            throw Diagnostic("\(name.text)() is an aggregate: it belongs in a group's list", at: span)
                .hint("write: group KEYS (total = \(context.source(span))), or group (total = …) for one row over everything")
        }
        guard !compiler.insideAggregate else {
            throw Diagnostic("an aggregate cannot contain another aggregate", at: span)
        }
        var inner = compiler
        inner.insideAggregate = true
        if function == "count" {
            guard arguments.count <= 1 else {
                throw Diagnostic("count() takes at most one argument", at: span)
            }
            if let argument = arguments.first {
                let value = try inner.compile(argument)
                return TypedSQL(sql: "count(\(value.sql))", type: .integer, isAggregate: true)
            }
            return TypedSQL(sql: "count(*)", type: .integer, isAggregate: true)
        }
        guard arguments.count == 1 else {
            throw Diagnostic("\(name.text)() takes one argument, not \(arguments.count)", at: span)
        }
        let value = try inner.compile(arguments[0])
        switch function {
        case "sum":
            try expect(value, at: 0, \.isNumeric, "a number")
            // total() would return a float; sum() of integers (money in minor units) stays exact.
            let sum = value.type == .number ? "sum(\(value.sql))" : dialect.exactSum(value.sql)
            return TypedSQL(sql: sum, type: value.type == .null ? .integer : value.type, isAggregate: true)
        case "avg":
            try expect(value, at: 0, \.isNumeric, "a number")
            if case .decimal(let scale) = value.type {
                return TypedSQL(sql: dialect.castToInteger("round(avg(\(value.sql)))"), type: .decimal(scale: scale), isAggregate: true)
            }
            return TypedSQL(sql: "avg(\(value.sql))", type: .number, isAggregate: true)
        case "count_distinct":
            return TypedSQL(sql: dialect.countDistinct(value.sql), type: .integer, isAggregate: true)
        default: // min, max
            return TypedSQL(sql: "\(function)(\(value.sql))", type: value.type, isAggregate: true)
        }
    }

    // MARK: - rows(TABLE)

    private func compileRows() throws(Diagnostic) -> TypedSQL {
        guard arguments.count == 1, case .column(let tableName) = arguments[0].kind else {
            throw Diagnostic("rows() takes a table name", at: span).hint("write rows(mismatches)")
        }
        let source = try QueryCompiler.tableSource(for: TableReference(name: tableName), context: context)
        return TypedSQL(sql: "(SELECT count(*) FROM \(source.sql))", type: .integer)
    }

    // MARK: - Scalars

    private func compileScalar(_ function: String, _ values: [TypedSQL], description: FunctionDescription) throws(Diagnostic) -> TypedSQL {
        let aggregate = values.contains { $0.isAggregate }
        func result(_ sql: String, _ type: LogicalType) -> TypedSQL {
            TypedSQL(sql: sql, type: type, isAggregate: aggregate)
        }
        let isText: (LogicalType) -> Bool = { $0 == .text }
        let isDate: (LogicalType) -> Bool = { $0.isTemporal }
        switch function {
        case "round":
            try expectCount(1...2, description)
            try expect(values[0], at: 0, \.isNumeric, "a number")
            var places = 0
            if values.count == 2 {
                guard case .integer(let value)? = values[1].constant, (0...Int64(LogicalType.maximumScale)).contains(value) else {
                    throw Diagnostic("round()'s places must be a whole number from 0 to 9", at: arguments[1].span)
                }
                places = Int(value)
            }
            return result(roundSQL(values[0], places: places), roundedType(values[0].type, places: places))
        case "abs":
            try expectCount(1...1, description)
            try expect(values[0], at: 0, \.isNumeric, "a number")
            return result("abs(\(values[0].sql))", values[0].type)
        case "floor", "ceil":
            try expectCount(1...1, description)
            try expect(values[0], at: 0, \.isNumeric, "a number")
            return result(floorOrCeil(values[0], up: function == "ceil"), values[0].type.isDecimal ? values[0].type : .integer)
        case "least", "greatest":
            try expectCount(1...32, description)
            let unified = try TypeRules.unify(values, spans: arguments.map(\.span), context: context)
            let sqls = unified.map(\.sql)
            return result(function == "least" ? dialect.least(sqls) : dialect.greatest(sqls), unified.first { $0.type != .null }?.type ?? .null)
        case "number":
            try expectCount(1...1, description)
            if values[0].type == .text { return result(dialect.textToReal(values[0].sql), .number) }
            return result(TypeRules.real(values[0], context: context).sql, .number)
        case "int":
            try expectCount(1...1, description)
            let real = values[0].type == .text ? dialect.textToReal(values[0].sql) : TypeRules.real(values[0], context: context).sql
            return result(dialect.truncateToInteger(real), .integer)
        case "text":
            try expectCount(1...1, description)
            if case .decimal(let scale) = values[0].type { return result(dialect.decimalToText(values[0].sql, scale: scale), .text) }
            if values[0].type == .bool { return result(dialect.boolToText(values[0].sql), .text) }
            return result("CAST(\(values[0].sql) AS TEXT)", .text)
        case "lower", "upper", "trim", "length":
            try expectCount(1...1, description)
            try expect(values[0], at: 0, isText, "text")
            return result("\(function)(\(values[0].sql))", function == "length" ? .integer : .text)
        case "substr":
            try expectCount(2...3, description)
            try expect(values[0], at: 0, isText, "text")
            return result(dialect.substring(values[0].sql, from: values[1].sql, length: values.count > 2 ? values[2].sql : nil), .text)
        case "replace":
            try expectCount(3...3, description)
            for index in 0..<3 { try expect(values[index], at: index, isText, "text") }
            return result("replace(\(values.map(\.sql).joined(separator: ", ")))", .text)
        case "contains":
            try expectCount(2...2, description)
            try expect(values[0], at: 0, isText, "text")
            try expect(values[1], at: 1, isText, "text")
            return result("(\(dialect.position(of: values[1].sql, in: values[0].sql)) > 0)", .bool)
        case "starts_with":
            try expectCount(2...2, description)
            try expect(values[0], at: 0, isText, "text")
            try expect(values[1], at: 1, isText, "text")
            return result("(substr(\(values[0].sql), 1, length(\(values[1].sql))) = \(values[1].sql))", .bool)
        case "ends_with":
            try expectCount(2...2, description)
            try expect(values[0], at: 0, isText, "text")
            try expect(values[1], at: 1, isText, "text")
            return result(dialect.endsWith(values[0].sql, values[1].sql), .bool)
        case "concat":
            try expectCount(1...64, description)
            let parts = values.map { value -> String in
                let text: String
                switch value.type {
                case .decimal(let scale): text = dialect.decimalToText(value.sql, scale: scale)
                case .bool: text = dialect.boolToText(value.sql)
                default: text = value.sql
                }
                return "coalesce(CAST(\(text) AS TEXT), '')"
            }
            return result(dialect.concat(parts), .text)
        case "coalesce":
            try expectCount(1...32, description)
            let unified = try TypeRules.unify(values, spans: arguments.map(\.span), context: context)
            let type = unified.first { $0.type != .null }?.type ?? .null
            return result(unified.count == 1 ? unified[0].sql : "coalesce(\(unified.map(\.sql).joined(separator: ", ")))", type)
        case "nullif":
            try expectCount(2...2, description)
            let unified = try TypeRules.unify(values, spans: arguments.map(\.span), context: context)
            return result("nullif(\(unified[0].sql), \(unified[1].sql))", unified[0].type)
        case "if":
            try expectCount(3...3, description)
            guard values[0].type == .bool || values[0].type == .null else {
                throw Diagnostic("if() needs a condition first, but this is \(values[0].type)", at: arguments[0].span)
            }
            let branches = try TypeRules.unify([values[1], values[2]], spans: [arguments[1].span, arguments[2].span], context: context)
            let type = branches.first { $0.type != .null }?.type ?? .null
            return result("(CASE WHEN \(values[0].sql) THEN \(branches[0].sql) ELSE \(branches[1].sql) END)", type)
        case "year", "month", "day", "quarter", "weekday":
            try expectCount(1...1, description)
            try expect(values[0], at: 0, isDate, "a date")
            let part = DatePart(rawValue: function) ?? .year
            return result(dialect.datePart(part, of: values[0].sql), .integer)
        case "yearmonth":
            try expectCount(1...1, description)
            try expect(values[0], at: 0, isDate, "a date")
            return result(dialect.yearMonth(values[0].sql), .text)
        case "days_between":
            try expectCount(2...2, description)
            try expect(values[0], at: 0, isDate, "a date")
            try expect(values[1], at: 1, isDate, "a date")
            return result(dialect.daysBetween(values[0].sql, values[1].sql), .integer)
        case "add_days", "add_months":
            try expectCount(2...2, description)
            try expect(values[0], at: 0, isDate, "a date")
            try expect(values[1], at: 1, { $0 == .integer }, "a whole number")
            let sql = function == "add_days" ? dialect.addDays(values[0].sql, values[1].sql) : dialect.addMonths(values[0].sql, values[1].sql)
            return result(sql, .date)
        case "start_of_month", "start_of_year", "end_of_month":
            try expectCount(1...1, description)
            try expect(values[0], at: 0, isDate, "a date")
            let sql = function == "end_of_month" ? dialect.endOfMonth(values[0].sql)
                : dialect.startOf(function == "start_of_month" ? .month : .year, of: values[0].sql)
            return result(sql, .date)
        case "date":
            try expectCount(1...1, description)
            if case .text(let text)? = values[0].constant {
                guard let date = TextConversion.date(Substring(text)) else {
                    throw Diagnostic("\"\(text)\" is not a date", at: arguments[0].span).hint("write dates as yyyy-MM-dd, or @2026-11-30")
                }
                return context.parameters.bind(.date(date))
            }
            try expect(values[0], at: 0, { $0 == .text || $0.isTemporal }, "text or a date")
            // Text is read strictly (null when not a day that exists); SQLite's date() would
            // turn 2026-02-30 into March 2nd.
            return result(values[0].type == .text ? dialect.textToDate(values[0].sql) : dialect.toDate(values[0].sql), .date)
        case "decimal":
            try expectCount(1...2, description)
            var places = 2
            if values.count == 2 {
                guard case .integer(let value)? = values[1].constant, (0...Int64(LogicalType.maximumScale)).contains(value) else {
                    throw Diagnostic("decimal()'s places must be a whole number from 0 to 9", at: arguments[1].span)
                }
                places = Int(value)
            }
            return try decimal(values[0], places: places)
        case "today":
            try expectCount(0...0, description)
            return context.parameters.bind(.date(CalendarDate.today()))
        default:
            throw Diagnostic("\(name.text)() cannot be used here", at: span)
        }
    }

    /// `decimal(x, places)`: exact from whole numbers, text and decimals of fewer places;
    /// rounded half away from zero from more places and from floating point.
    private func decimal(_ value: TypedSQL, places: Int) throws(Diagnostic) -> TypedSQL {
        let type = LogicalType.decimal(scale: places)
        switch value.type {
        case .text:
            if case .text(let text)? = value.constant {
                guard let number = TextConversion.decimal(Substring(text), scale: places) else {
                    throw Diagnostic("\"\(text)\" is not a number", at: arguments[0].span)
                        .hint("write 1234.50, 1 234,50 or -12")
                }
                return context.parameters.bind(.decimal(number))
            }
            return TypedSQL(sql: dialect.textToDecimal(value.sql, scale: places), type: type, isAggregate: value.isAggregate)
        case .integer, .decimal:
            let scaled = TypeRules.scale(of: value.type) > places
                ? roundSQL(value, places: places) : TypeRules.rescale(value, to: places, context: context).sql
            return TypedSQL(sql: scaled, type: type, isAggregate: value.isAggregate)
        case .number:
            let units = TypedSQL(sql: "(\(value.sql) * \(ExactDecimal.powerOfTen(places)))", type: .number)
            return TypedSQL(sql: roundSQL(units, places: 0), type: type, isAggregate: value.isAggregate)
        case .null:
            return TypedSQL(sql: value.sql, type: type, isAggregate: value.isAggregate)
        default:
            throw Diagnostic("decimal() needs a number or text, but this is \(value.type)", at: arguments[0].span)
        }
    }

    private func roundedType(_ type: LogicalType, places: Int) -> LogicalType {
        switch type {
        case .decimal(let scale): return .decimal(scale: min(scale, places))
        case .number: return places == 0 ? .integer : .number
        default: return type
        }
    }

    /// Exact rounding of money: integer arithmetic on minor units, half away from zero.
    private func roundSQL(_ value: TypedSQL, places: Int) -> String {
        switch value.type {
        case .decimal(let scale) where places < scale:
            let divisor = ExactDecimal.powerOfTen(scale - places), half = divisor / 2
            return "(CASE WHEN \(value.sql) >= 0 THEN (\(value.sql) + \(half)) / \(divisor) ELSE -((-\(value.sql) + \(half)) / \(divisor)) END)"
        case .number where places == 0:
            return dialect.roundToInteger(value.sql)
        case .number:
            return dialect.roundReal(value.sql, places: places)
        default:
            return value.sql
        }
    }

    private func floorOrCeil(_ value: TypedSQL, up: Bool) -> String {
        switch value.type {
        case .decimal(let scale) where scale > 0:
            let divisor = ExactDecimal.powerOfTen(scale)
            // Integer division truncates toward zero; adjust for the other side, then scale back.
            let truncated = "(\(value.sql) / \(divisor))"
            let adjust = up ? "(CASE WHEN \(value.sql) > 0 AND \(value.sql) % \(divisor) <> 0 THEN 1 ELSE 0 END)"
                : "(CASE WHEN \(value.sql) < 0 AND \(value.sql) % \(divisor) <> 0 THEN 1 ELSE 0 END)"
            return "((\(truncated) \(up ? "+" : "-") \(adjust)) * \(divisor))"
        case .number:
            return dialect.castToInteger("\(up ? "ceil" : "floor")(\(value.sql))")
        default:
            return value.sql
        }
    }
}
