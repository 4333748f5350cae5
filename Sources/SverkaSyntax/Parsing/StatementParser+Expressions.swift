/// An expression with the depth of its tree, tracked so that chains like `a + a + … + a`
/// are refused before they grow deeper than later recursive passes can walk.
struct ParsedExpression {
    var expression: Expression
    var depth: Int
}

/// Binding strength, weakest first; `prefix` (unary minus) is above every binary operator,
/// so asking for an operand at it stops before any of them.
enum Precedence: Int, Comparable {
    case or = 1, and, not, comparison, additive, multiplicative, prefix

    static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }

    var tighter: Precedence { Precedence(rawValue: rawValue + 1) ?? .prefix }
}

// Stack use matters here: nesting recurses through parseBinary, parseOperand and one of
// parseNot / parseNegation / parseParenthesised / parseCall, so those stay small and leave
// everything branchy (literals, comparisons, diagnostics) to helpers that are not inlined.
extension StatementParser {
    /// An expression that must be present; `equality` lets `=` mean `==` (in `where`, `on`,
    /// command conditions), where no `name = …` item could be meant.
    mutating func expectExpression(equality: Bool, after: String? = nil, hints: [String] = []) throws(Diagnostic) -> Expression {
        guard canStartExpression(current) else { throw expected("an expression", after: after, hints: hints) }
        return try parseBinary(minimum: .or, equality: equality).expression
    }

    func canStartExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .integer, .decimal, .string, .dateTime, .variable, .leftParen, .minus, .quotedIdentifier,
             .invalid, .unterminatedString:
            return true
        case .identifier(let word):
            return word == "not" || !Keywords.operatorWords.contains(word)
        default:
            return false
        }
    }

    /// One full expression inside parentheses, a call or a list; it must be present.
    mutating func element(equality: Bool) throws(Diagnostic) -> ParsedExpression {
        guard canStartExpression(current) else { throw missingExpression() }
        return try parseBinary(minimum: .or, equality: equality)
    }

    /// Precedence climbing: one loop for all binary levels instead of a function per level.
    mutating func parseBinary(minimum: Precedence, equality: Bool) throws(Diagnostic) -> ParsedExpression {
        var left = try parseOperand(equality: equality)
        var compared = false
        while true {
            if minimum <= .comparison, isComparisonStart(equality: equality) {
                if compared { throw chainedComparison() }
                left = try parseComparison(left, equality: equality)
                compared = true
                continue
            }
            guard let (op, level) = binaryOperator(current), level >= minimum else { break }
            advance()
            guard canStartExpression(current) else { throw missingExpression() }
            let right = try parseBinary(minimum: level.tighter, equality: equality)
            left = try binaryNode(op, left, right)
            compared = false
        }
        return left
    }

    /// A prefix operator, parenthesised expression, call, or a single-token operand.
    private mutating func parseOperand(equality: Bool) throws(Diagnostic) -> ParsedExpression {
        switch operandForm() {
        case .not: return try parseNot(equality: equality)
        case .negation: return try parseNegation(equality: equality)
        case .parenthesised: return try parseParenthesised(equality: equality)
        case .call: return try parseCall(equality: equality)
        case .simple: return try parseSimpleOperand()
        }
    }

    private enum OperandForm { case not, negation, parenthesised, call, simple }

    @inline(never)
    private func operandForm() -> OperandForm {
        let token = current
        switch token.kind {
        case .minus: return .negation
        case .leftParen: return .parenthesised
        case .identifier("not"): return .not
        case .identifier(let word) where !Keywords.operatorWords.contains(word):
            let next = peek()
            return next.kind == .leftParen && next.span.start == token.span.end ? .call : .simple
        default: return .simple
        }
    }

    /// `not x`, binding looser than comparison: `not a == b` is `not (a == b)`.
    private mutating func parseNot(equality: Bool) throws(Diagnostic) -> ParsedExpression {
        let start = advance().span
        try enterNesting()
        guard canStartExpression(current) else { throw missingExpression() }
        let operand = try parseBinary(minimum: .comparison, equality: equality)
        leaveNesting()
        return try unaryNode(.not, operand, from: start)
    }

    /// `-x`; the operand is itself an operand, so `-a * b` is `(-a) * b`.
    private mutating func parseNegation(equality: Bool) throws(Diagnostic) -> ParsedExpression {
        let start = advance().span
        try enterNesting()
        guard canStartExpression(current) else { throw missingExpression() }
        let operand = try parseOperand(equality: equality)
        leaveNesting()
        return try unaryNode(.negate, operand, from: start)
    }

    private mutating func parseParenthesised(equality: Bool) throws(Diagnostic) -> ParsedExpression {
        let open = advance()
        try enterNesting()
        guard canStartExpression(current) else { throw missingExpression() }
        var inner = try parseBinary(minimum: .or, equality: equality)
        try close(open)
        leaveNesting()
        // The parentheses belong to the expression's text, so carets cover them too.
        inner.expression.span = open.span.through(afterPrevious)
        return inner
    }

    /// `name(args)`, the `(` touching the name: that is what keeps `group region (n = count())`
    /// unambiguous. `count(*)` reads as `count()`.
    private mutating func parseCall(equality: Bool) throws(Diagnostic) -> ParsedExpression {
        let nameToken = advance()
        let open = advance()
        try enterNesting()
        var arguments: [Expression] = []
        var depth = 0
        if try !acceptCountStar(nameToken), current.kind != .rightParen {
            repeat {
                guard canStartExpression(current) else { throw missingArgument() }
                let argument = try parseBinary(minimum: .or, equality: equality)
                arguments.append(argument.expression)
                depth = max(depth, argument.depth)
            } while consume(.comma)
        }
        guard current.kind == .rightParen else { throw unclosedCall(open, name: nameToken) }
        advance()
        leaveNesting()
        return try callNode(nameToken, arguments, depth: depth + 1)
    }
}
