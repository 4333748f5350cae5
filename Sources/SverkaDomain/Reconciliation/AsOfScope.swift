import SverkaEngine

/// The date a reconciliation or sync looks from: deals closed, invoices issued and payments made
/// after it are left out, as if the exports had been taken that evening. nil means "everything".
///
/// The date is the statement's one bound parameter, `?1` in the dialect's spelling, so every
/// generated statement binds the same list.
struct AsOfScope {
    let date: CalendarDate?
    let dialect: any SQLDialect

    /// The parameters every statement of a run binds.
    var parameters: [StoredValue] { date.map { [.text($0.iso)] } ?? [] }

    /// `(column IS NULL OR column <= ?1)`, or nil without a date. A row whose date is unknown
    /// stays in: leaving it out would hide exactly the rows that most need a look.
    func includes(_ column: String) -> String? {
        guard date != nil else { return nil }
        return "(\(column) IS NULL OR \(column) <= \(dialect.placeholder(1)))"
    }

    /// The condition, or a tautology without a date, for places that need some condition.
    func condition(_ column: String) -> String {
        includes(column) ?? "1 = 1"
    }

    /// Whether a deal counts as won on the date: stage `won`, closed on or before it. A deal won
    /// later was still open then; one with no close date keeps its stage.
    func wonCondition(stage: String, closedAt: String) -> String {
        let won = "COALESCE(\(stage), '') = 'won'"
        guard let closed = includes(closedAt) else { return won }
        return "(\(won) AND \(closed))"
    }
}
