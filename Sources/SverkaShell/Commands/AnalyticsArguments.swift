import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Reading the arguments the analytics commands share: the `from DATE to DATE` period and the
/// `as of DATE` day.
enum AnalyticsArguments {
    /// The clauses every command with a period declares, so they parse alike.
    static let periodClauses = [ClauseSyntax(["from"], .expression), ClauseSyntax(["to"], .expression)]

    /// `from … to …` as a period; a start after the end is an error under the `to`.
    static func period(_ invocation: CommandInvocation, session: Session) throws(Diagnostic) -> DatePeriod {
        let start = try IntegrationArguments.date(invocation.clause("from"), session: session, keyword: "from")
        let end = try IntegrationArguments.date(invocation.clause("to"), session: session, keyword: "to")
        if let start, let end, end < start, let clause = invocation.clause("to") {
            throw Diagnostic("the period ends (\(end.iso)) before it starts (\(start.iso))", at: clause.span)
                .hint("write the earlier date after 'from': from \(end.iso) to \(start.iso)")
        }
        return DatePeriod(start: start, end: end)
    }

    /// The `as of` day, or today when the clause is absent.
    static func asOf(_ invocation: CommandInvocation, session: Session) throws(Diagnostic) -> CalendarDate {
        try IntegrationArguments.date(invocation.clause("as of"), session: session) ?? CalendarDate.today()
    }
}
