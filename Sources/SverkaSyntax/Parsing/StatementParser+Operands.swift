/// The non-recursive parts of expression parsing, kept out of line so that the recursive
/// functions' stack frames stay small.
extension StatementParser {
    /// A literal, `$variable`, or plain or qualified column.
    @inline(never)
    mutating func parseSimpleOperand() throws(Diagnostic) -> ParsedExpression {
        let token = current
        let kind: ExpressionKind
        switch token.kind {
        case .integer(let value): kind = .literal(.integer(value))
        case .decimal(let units, let scale): kind = .literal(.decimal(units: units, scale: scale))
        case .string(let text): kind = .literal(.string(text))
        case .dateTime(let literal): kind = .literal(literal)
        case .variable(let name): kind = .variable(Name(name, span: token.span))
        // Already reported by the lexer; a placeholder lets the parse go on to later errors.
        case .invalid, .unterminatedString: kind = .literal(.null)
        case .identifier("true"): kind = .literal(.bool(true))
        case .identifier("false"): kind = .literal(.bool(false))
        case .identifier("null"): kind = .literal(.null)
        case .identifier(let word) where Keywords.operatorWords.contains(word):
            throw expected("an expression")
        case .identifier, .quotedIdentifier:
            return try parseColumn()
        default:
            throw expected("an expression")
        }
        advance()
        return ParsedExpression(expression: Expression(kind, span: token.span), depth: 1)
    }

    /// `amount`, `deals.amount`, `` `Сумма с НДС` ``.
    private mutating func parseColumn() throws(Diagnostic) -> ParsedExpression {
        let qualified = try parseQualifiedName(what: "a name")
        if qualified.parts.count > 1, current.kind == .leftParen, current.span.start == qualified.span.end {
            throw Diagnostic("'\(qualified)' is not a function", at: current.span,
                             hints: ["functions have plain names: \(qualified.last.text)(…)"])
        }
        return ParsedExpression(expression: Expression(.column(qualified), span: qualified.span), depth: 1)
    }

    /// Consumes `*` of `count(*)`; refuses it in any other call.
    @inline(never)
    mutating func acceptCountStar(_ nameToken: Token) throws(Diagnostic) -> Bool {
        guard current.kind == .star, peek().kind == .rightParen else { return false }
        let function = nameToken.nameText ?? ""
        guard function.lowercased() == "count" else {
            throw Diagnostic("'*' is only allowed in count(*)", at: current.span,
                             hints: ["pass a column: \(function)(amount)"])
        }
        advance()
        return true
    }

    /// Whether a comparison (`==`, `<`, `in`, `between`, `is`, `not in`, …) starts here.
    @inline(never)
    func isComparisonStart(equality: Bool) -> Bool {
        let token = current
        if comparisonOperator(token, equality: equality) != nil { return true }
        guard case .identifier(let word) = token.kind else { return false }
        switch word {
        case "in", "between", "is": return true
        case "not": return peek().isWord("in") || peek().isWord("between")
        default: return false
        }
    }

    /// Arithmetic and logical operators with their level; comparisons are handled apart.
    @inline(never)
    func binaryOperator(_ token: Token) -> (BinaryOperator, Precedence)? {
        switch token.kind {
        case .identifier("or"): return (.or, .or)
        case .identifier("and"): return (.and, .and)
        case .plus: return (.add, .additive)
        case .minus: return (.subtract, .additive)
        case .star: return (.multiply, .multiplicative)
        case .slash: return (.divide, .multiplicative)
        case .percent: return (.modulo, .multiplicative)
        default: return nil
        }
    }

    func comparisonOperator(_ token: Token, equality: Bool) -> BinaryOperator? {
        switch token.kind {
        case .equal: return .equal
        case .assign: return equality ? .equal : nil
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        default: return nil
        }
    }
}
