/// The slot kinds that read a bare clause, a list of values, bounds or a threshold: what a data test
/// (`test deals.stage in ("won", "lost") warn if > 10`) is written with.
extension StatementParser {
    /// A clause that is its keywords alone: the value is the last keyword, already consumed.
    func flagValue() -> ArgumentValue {
        guard let keyword = previous else { return .word(Name("", span: afterPrevious)) }
        return .word(Name(keyword.nameText ?? "", span: keyword.span))
    }

    /// `(EXPR, …)`, at least one value; a trailing comma is allowed.
    mutating func parseValueList(usage: String) throws(Diagnostic) -> ArgumentValue {
        guard current.kind == .leftParen else {
            throw expected("'(' with a list of values", hints: ["write (\"won\", \"lost\")", usage])
        }
        let open = advance()
        try enterNesting()
        guard current.kind != .rightParen else {
            throw Diagnostic("expected at least one value in '(…)'", at: current.span, hints: ["write (\"won\", \"lost\")", usage])
        }
        var items: [Expression] = []
        repeat {
            if current.kind == .rightParen, !items.isEmpty { break }
            items.append(try element(equality: true).expression)
        } while consume(.comma)
        try close(open, expecting: "',' or ')'")
        leaveNesting()
        return .list(items, spanFrom(open.span))
    }

    /// `> 10`, `>= $limit`, `!= 0`: the left side is the command's own (a count of failing rows).
    mutating func parseComparisonSlot(usage: String) throws(Diagnostic) -> ArgumentValue {
        guard let op = comparisonOperator(current, equality: true) else {
            throw expected("a comparison such as '> 0'", hints: [usage])
        }
        let symbol = advance().kind.symbol ?? op.rawValue
        let value = try expectExpression(equality: false, after: symbol, hints: [usage])
        return .comparison(op, value)
    }

    /// `0 and 10M`: each bound binds tighter than `and`, as in `x between 0 and 10M`.
    mutating func parseBounds(usage: String) throws(Diagnostic) -> ArgumentValue {
        guard canStartExpression(current) else { throw expected("a lower bound", hints: [usage]) }
        let low = try parseBinary(minimum: .additive, equality: false).expression
        guard atWord("and") else { throw expected("'and'", hints: ["write 'between LOW and HIGH'", usage]) }
        advance()
        guard canStartExpression(current) else { throw expected("an upper bound", after: "and", hints: [usage]) }
        let high = try parseBinary(minimum: .additive, equality: false).expression
        return .range(low, high)
    }
}
