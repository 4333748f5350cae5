import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Reading a `test` statement into a `DataTest`: the columns with their spans, the check, the
/// thresholds' values, and the test's name.
enum DataTestArguments {
    /// The clauses that name a check; a test takes exactly one.
    static let checks = ["unique", "not null", "in", "between", "references"]
    static let checkList = "unique, not null, in (…), between LOW and HIGH or references TABLE.COLUMN"

    static func test(_ invocation: CommandInvocation, session: Session) throws(Diagnostic) -> DataTest {
        guard case .word(let written)? = invocation.argument("table.column")?.value, let source = session.currentSource else {
            throw Diagnostic("test needs TABLE.COLUMN", at: invocation.span)
        }
        let column = try tested(written, in: source)
        guard let given = invocation.clauses.first(where: { checks.contains($0.keyword) }) else {
            throw Diagnostic("the test says what to check: \(checkList)", at: invocation.span)
        }
        let check: DataCheck
        var checkText: String
        switch (given.keyword, given.value) {
        case ("in", .list(let values, _)):
            check = .accepted(values)
            checkText = "in (" + values.map { collapsed(source.slice($0.span)) }.joined(separator: ", ") + ")"
        case ("between", .range(let low, let high)):
            check = .between(low: low, high: high)
            checkText = "between \(collapsed(source.slice(low.span))) and \(collapsed(source.slice(high.span)))"
        case ("references", .word(let target)):
            let targetColumn = try tested(target, in: source)
            check = .references(targetColumn)
            checkText = "references \(targetColumn)"
        case ("not null", _):
            check = .notNull
            checkText = "not null"
        case ("unique", _):
            check = .unique
            checkText = "unique"
        default:
            throw Diagnostic("the test says what to check: \(checkList)", at: given.span)
        }
        var filter: Expression?
        if case .expression(let condition)? = invocation.clause("where")?.value {
            filter = condition
            checkText += " where " + collapsed(source.slice(condition.span))
        }
        let thresholds = DataTestThresholds(warn: try threshold(invocation.clause("warn if"), session: session),
                                            fail: try threshold(invocation.clause("fail if"), session: session))
        return DataTest(column: column, check: check, filter: filter, thresholds: thresholds, name: "\(column) \(checkText)")
    }

    /// The parse-time rules: one check, and columns named with their tables.
    @Sendable static func check(_ invocation: CommandInvocation, _ source: SourceText) throws(Diagnostic) {
        let given = invocation.clauses.filter { checks.contains($0.keyword) }
        if given.isEmpty {
            throw Diagnostic("the test says what to check: \(checkList)", at: Span(start: invocation.span.end, end: invocation.span.end))
                .hint("test deals.id unique")
        }
        if given.count > 1 {
            throw Diagnostic("'\(given[0].keyword)' and '\(given[1].keyword)' in one test: a test checks one thing", at: given[1].span)
                .hint("write one test per check")
        }
        if case .word(let written)? = invocation.argument("table.column")?.value { _ = try tested(written, in: source) }
        if case .word(let written)? = invocation.clause("references")?.value { _ = try tested(written, in: source) }
    }

    /// `deals.id`, `crm.deals.id`, `` `Сделки`.`Сумма` ``: the last part is the column, the rest
    /// the table, named query or role. Parts are read from the source, where back quotes still
    /// show which dots separate them.
    static func tested(_ written: Name, in source: SourceText) throws(Diagnostic) -> TestedColumn {
        let parts = DottedName.parts(of: written, in: source)
        guard parts.count >= 2, let column = parts.last, let first = parts.first else {
            throw Diagnostic("name the column with its table: TABLE.COLUMN", at: written.span)
                .hint("e.g. deals.id, or crm.deals.id for a role's column")
        }
        let relation = parts.dropLast().map(\.text).joined(separator: ".")
        return TestedColumn(relation: relation, relationSpan: first.span.through(parts[parts.count - 2].span),
                            column: column.text, columnSpan: column.span)
    }

    /// A threshold's count: a whole number, written or in a variable.
    private static func threshold(_ clause: CommandClause?, session: Session) throws(Diagnostic) -> DataTestThreshold? {
        guard case .comparison(let op, let limit)? = clause?.value else { return nil }
        guard case .integer(let count) = try session.evaluate(limit) else {
            throw Diagnostic("a threshold counts failing rows: it needs a whole number", at: limit.span)
                .hint("e.g. \(clause?.keyword ?? "warn if") > 10")
        }
        return DataTestThreshold(op, count)
    }

    /// The role's own message when a test names a role that is not mapped yet.
    static func unmappedRole(_ column: TestedColumn, session: Session) -> Diagnostic? {
        guard session.workspace.catalog.schema(of: column.relation) == nil, let role = CanonicalRole.named(column.relation) else {
            return nil
        }
        return Diagnostic("the role \(role.name) is not mapped", at: column.relationSpan)
            .hint("bind a loaded table to it: map \(role.entity) as \(role.name)")
    }

    /// Text with every run of spaces and line breaks made one space, outside quotes: the same
    /// test written over two lines keeps the same name.
    static func collapsed(_ text: String) -> String {
        var result = ""
        var quote: Character?
        var pendingSpace = false
        for character in text {
            if quote == nil, character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" || character == "`" {
                quote = character
            }
        }
        return result
    }
}
