extension StatementParser {
    /// One step after `|`.
    mutating func parseStep() throws(Diagnostic) -> Step {
        let keyword = current
        guard case .identifier(let word) = keyword.kind else {
            throw expected("a step", after: "|", hints: ["steps: " + Keywords.stepList])
        }
        advance()
        var keywordSpan = keyword.span
        let kind: StepKind
        switch word {
        case "where":
            kind = .filter(try expectExpression(equality: true, hints: ["where amount > 1000"]))
        case "select":
            kind = .select(try parseItems())
        case "derive":
            kind = .derive(try parseItems(requireNames: true))
        case "join":
            kind = try parseJoin(.inner, keyword: "join")
        case "left":
            guard atWord("join") else { throw expected("'join'", after: "left", hints: ["left join clients on …"]) }
            keywordSpan = keyword.span.through(advance().span)
            kind = try parseJoin(.left, keyword: "left join")
        case "group":
            kind = try parseGroup()
        case "sort":
            kind = .sort(try parseSortKeys())
        case "take":
            kind = .take(try expectExpression(equality: false, hints: ["take 10"]))
        case "distinct":
            kind = .distinct
        case "append":
            kind = .append(try parseAppendSource())
        case "from":
            throw Diagnostic("'from' cannot follow '|': a pipeline has one 'from', at its start", at: keyword.span,
                             hints: ["to add the rows of another query, write 'append (from …)'; to add its columns, 'join'"])
        default:
            var diagnostic = Diagnostic("unknown step '\(word)'", at: keyword.span)
            if let suggestion = Suggestion.closest(to: word, among: Keywords.stepWords) {
                diagnostic = diagnostic.hint("did you mean '\(suggestion)'?")
            }
            throw diagnostic.hint("steps: " + Keywords.stepList)
        }
        return Step(kind, span: spanFrom(keyword.span), keywordSpan: keywordSpan)
    }

    /// Comma-separated `expr` or `name = expr` items; in `derive` each must be named.
    mutating func parseItems(requireNames: Bool = false) throws(Diagnostic) -> [NamedExpression] {
        var items: [NamedExpression] = []
        repeat {
            let item = try parseNamedItem()
            if requireNames, item.name == nil {
                var diagnostic = Diagnostic("derive needs a name: derive total = …", at: item.span)
                if case .column = item.expression.kind {
                    diagnostic = diagnostic.hint("to keep columns as they are, use 'select'")
                }
                throw diagnostic
            }
            items.append(item)
        } while consume(.comma)
        return items
    }

    /// `name = expr` when a name and `=` come first (here `=` names, it never compares).
    private mutating func parseNamedItem() throws(Diagnostic) -> NamedExpression {
        if let itemName = name(of: current), peek().kind == .assign {
            advance()
            advance()
            let expression = try expectExpression(equality: false)
            return NamedExpression(name: itemName, expression: expression)
        }
        return NamedExpression(name: nil, expression: try expectExpression(equality: false))
    }

    private mutating func parseJoin(_ kind: JoinKind, keyword: String) throws(Diagnostic) -> StepKind {
        let table = try parseTableReference(after: keyword)
        if atWord("on") {
            advance()
            let condition = try expectExpression(equality: true, hints: ["join \(table.name) on deals.client_id == \(table.visibleName).id"])
            return .join(kind, table, .on(condition))
        }
        guard atWord("using") else {
            throw expected("'on' or 'using'", after: "\(keyword) \(table.name)",
                           hints: ["join \(table.name) on deals.client_id == \(table.visibleName).id, or join \(table.name) using (client_id)"])
        }
        advance()
        guard current.kind == .leftParen else {
            throw expected("'(' with the shared column names", after: "using", hints: ["using (client_id)"])
        }
        let open = advance()
        var columns: [Name] = []
        repeat {
            guard let column = name(of: current) else { throw expected("a column name", hints: ["using (client_id)"]) }
            advance()
            columns.append(column)
        } while consume(.comma)
        try close(open, expecting: "',' or ')'")
        return .join(kind, table, .using(columns))
    }

    /// `group k1, k2 (agg = …, …)`, or `group (agg = …)` when `(` comes at once.
    private mutating func parseGroup() throws(Diagnostic) -> StepKind {
        var keys: [NamedExpression] = []
        let example = "group region (revenue = sum(amount), deals = count()), or group (n = count())"
        if isTerminator(current) {
            throw expected("the group keys or '(' with the aggregates", hints: [example])
        }
        if current.kind != .leftParen {
            inGroupKeys = true
            keys = try parseItems()
            inGroupKeys = false
        }
        guard current.kind == .leftParen else {
            throw expected("'(' with the aggregates", hints: [example])
        }
        let open = advance()
        var aggregates: [NamedExpression] = []
        if current.kind != .rightParen {
            aggregates = try parseItems()
        }
        guard current.kind == .rightParen else {
            throw unclosed(open, expecting: "',' or ')' after the aggregate")
        }
        advance()
        return .group(keys: keys, aggregates: aggregates)
    }

    private mutating func parseSortKeys() throws(Diagnostic) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            var descending = false
            if current.kind == .minus {
                descending = true
                advance()
            } else if current.kind == .plus {
                advance()
            }
            let expression = try expectExpression(equality: false, hints: ["sort -revenue, name"])
            keys.append(SortKey(expression: expression, descending: descending))
        } while consume(.comma)
        return keys
    }

    /// `append NAME` (read as `from NAME`) or `append (from … | …)`.
    private mutating func parseAppendSource() throws(Diagnostic) -> Pipeline {
        if current.kind == .leftParen {
            return try parseParenthesisedPipeline()
        }
        let hint = "wrap a query in parentheses: append (from archive | where …)"
        guard !atWord("from") else { throw expected("a table name or '(from …)'", hints: [hint]) }
        let table = try parseQualifiedName(what: "a table name or '(from …)'", hints: [hint])
        return Pipeline(source: TableReference(name: table), steps: [], span: table.span)
    }
}
