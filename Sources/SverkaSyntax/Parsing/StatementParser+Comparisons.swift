/// Comparisons and the nodes and errors of expression parsing, out of line (see
/// StatementParser+Expressions for why).
extension StatementParser {
    /// `a < b`, `a [not] in (…)`, `a [not] between x and y`, `a is [not] null`.
    @inline(never)
    mutating func parseComparison(_ left: ParsedExpression, equality: Bool) throws(Diagnostic) -> ParsedExpression {
        let operatorToken = advance()
        if let op = comparisonOperator(operatorToken, equality: equality) {
            let right = try comparisonOperand(equality: equality)
            return try binaryNode(op, left, right)
        }
        var negated = false
        var keyword = operatorToken
        if operatorToken.isWord("not") {
            negated = true
            keyword = advance()
        }
        if keyword.isWord("is") {
            let isNot = atWord("not")
            if isNot { advance() }
            guard atWord("null") else {
                throw expected("'null' or 'not null'", after: isNot ? "is not" : "is",
                               hints: ["write 'x is null' or 'x is not null'"])
            }
            advance()
            return try node(.isNull(left.expression, negated: isNot), span: spanFrom(left.expression.span), depth: left.depth + 1)
        }
        if keyword.isWord("between") {
            let low = try comparisonOperand(equality: equality)
            guard atWord("and") else { throw expected("'and'", hints: ["write 'x between low and high'"]) }
            advance()
            let high = try comparisonOperand(equality: equality)
            return try node(.between(left.expression, low: low.expression, high: high.expression, negated: negated),
                            span: spanFrom(left.expression.span), depth: max(left.depth, low.depth, high.depth) + 1)
        }
        return try parseInList(left, negated: negated, equality: equality)
    }

    /// The right side of a comparison, which binds tighter than the comparison itself.
    private mutating func comparisonOperand(equality: Bool) throws(Diagnostic) -> ParsedExpression {
        guard canStartExpression(current) else { throw expected("an expression") }
        return try parseBinary(minimum: .additive, equality: equality)
    }

    private mutating func parseInList(_ left: ParsedExpression, negated: Bool, equality: Bool) throws(Diagnostic) -> ParsedExpression {
        guard current.kind == .leftParen else {
            throw expected("'(' with a list of values", hints: ["write 'x in (1, 2, 3)'"])
        }
        let open = advance()
        try enterNesting()
        guard current.kind != .rightParen else {
            throw Diagnostic("expected at least one value in 'in (…)'", at: current.span, hints: ["write 'x in (1, 2, 3)'"])
        }
        var items: [Expression] = []
        var depth = left.depth
        repeat {
            let item = try element(equality: equality)
            items.append(item.expression)
            depth = max(depth, item.depth)
        } while consume(.comma)
        try close(open, expecting: "',' or ')'")
        leaveNesting()
        return try node(.inList(left.expression, items, negated: negated), span: spanFrom(left.expression.span), depth: depth + 1)
    }

    @inline(never)
    func binaryNode(_ op: BinaryOperator, _ left: ParsedExpression, _ right: ParsedExpression) throws(Diagnostic) -> ParsedExpression {
        try node(.binary(op, left.expression, right.expression), span: left.expression.span.through(right.expression.span),
                 depth: max(left.depth, right.depth) + 1)
    }

    /// A unary node; a minus applied to a number folds into a negative literal.
    @inline(never)
    func unaryNode(_ op: UnaryOperator, _ operand: ParsedExpression, from start: Span) throws(Diagnostic) -> ParsedExpression {
        let span = start.through(operand.expression.span)
        if op == .negate {
            switch operand.expression.kind {
            case .literal(.integer(let value)):
                return ParsedExpression(expression: Expression(.literal(.integer(-value)), span: span), depth: 1)
            case .literal(.decimal(let units, let scale)):
                return ParsedExpression(expression: Expression(.literal(.decimal(units: -units, scale: scale)), span: span), depth: 1)
            default:
                break
            }
        }
        return try node(.unary(op, operand.expression), span: span, depth: operand.depth + 1)
    }

    @inline(never)
    func callNode(_ nameToken: Token, _ arguments: [Expression], depth: Int) throws(Diagnostic) -> ParsedExpression {
        let function = Name(nameToken.nameText ?? "", span: nameToken.span)
        return try node(.call(function, arguments), span: nameToken.span.through(afterPrevious), depth: depth)
    }

    func node(_ kind: ExpressionKind, span: Span, depth: Int) throws(Diagnostic) -> ParsedExpression {
        guard depth <= Self.maximumTreeDepth else {
            throw Diagnostic("expression is nested too deeply", at: span,
                             hints: ["it is more than \(Self.maximumTreeDepth) operations deep; "
                                     + "use 'in (…)' for long lists of alternatives, or split it with derive"])
        }
        return ParsedExpression(expression: Expression(kind, span: span), depth: depth)
    }

    @inline(never)
    func missingExpression() -> Diagnostic { expected("an expression") }

    @inline(never)
    func missingArgument() -> Diagnostic {
        expected("an argument", hints: current.kind == .star ? ["'*' is only allowed alone, as in count(*)"] : [])
    }

    @inline(never)
    func chainedComparison() -> Diagnostic {
        Diagnostic("comparisons cannot be chained", at: current.span, hints: ["write 'a < b and b < c'"])
    }

    @inline(never)
    func unclosedCall(_ open: Token, name nameToken: Token) -> Diagnostic {
        let function = nameToken.nameText ?? ""
        var diagnostic = unclosed(open, expecting: "',' or ')' in the call to '\(function)'")
        if inGroupKeys, current.kind == .assign {
            diagnostic = diagnostic.hint("to give the aggregates of the group, put a space before '(': group \(function) (…)")
        }
        return diagnostic
    }
}
