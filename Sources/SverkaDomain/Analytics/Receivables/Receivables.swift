import SverkaEngine
import SverkaSyntax

/// Who owes what, and for how long (DESIGN.md §2: a producer of tables): the aging of the debt
/// on a date, days sales outstanding over a period, the clients sales should know about, and one
/// client's card. Reads acc.invoices and acc.payments (and matches, crm.clients, crm.deals when
/// a command needs them) in one pass over each: SQLite reads the rows through the roles, Swift
/// sets the payments against the invoices and adds them up (see `OpenInvoiceQuery`).
public struct Receivables {
    public let workspace: Workspace
    /// The base currency (`set currency`): amounts in others are converted with acc.rates. Nil:
    /// amounts must all be in one currency.
    public let currency: String?
    let dialect: any SQLDialect

    /// The table `runAging` writes.
    public static let agingTable = "aging"

    public init(workspace: Workspace, currency: String? = nil) {
        self.workspace = workspace
        self.currency = currency
        self.dialect = SQLiteDialect()
    }

    // MARK: - Aging

    /// The debt on `request.asOf` per bucket (and per client with `byClient`); writes nothing.
    public func aging(_ request: AgingRequest) throws(Diagnostic) -> AgingResult {
        try agingWithNames(request).result
    }

    /// The aging, and the clients and counterparties its rows were named from (by client).
    func agingWithNames(_ request: AgingRequest) throws(Diagnostic) -> (result: AgingResult, names: PartyNames) {
        let conversion = try CurrencyConversion.reading(workspace, base: currency)
        return try reading { scratch throws(Diagnostic) in
            var grouping = OpenInvoiceQuery.Grouping.standing
            var names = PartyNames.none
            if request.byClient {
                let owners = try ClientOfCounterparty.read(in: scratch)
                grouping = .party(owners)
                names = try PartyNames.read(in: workspace, clientsMatched: owners.matched)
            }
            let (cells, payments) = try OpenInvoiceQuery(request: request, grouping: grouping, base: conversion.base).cells(in: scratch)
            var result = try AgingAssembler(request: request, conversion: conversion).result(cells, names: names)
            result.unapplied = payments.unapplied(after: cells, singleCurrency: result.currencies.count <= 1)
            return (result, names)
        }
    }

    /// `aging`, and its rows written to the table `aging` (replacing it) in one transaction.
    @discardableResult
    public func runAging(_ request: AgingRequest) throws(Diagnostic) -> AgingResult {
        try workspace.database.inTransaction { () throws(Diagnostic) -> AgingResult in
            let result = try aging(request)
            try AgingTable.write(result, in: workspace)
            return result
        }
    }

    // MARK: - Reading

    /// Runs `body` in one transaction, so that its several reads of the roles (payments, then
    /// invoices …) see one state of the workspace. `ScratchTables` compiles the roles.
    func reading<T>(_ body: (ScratchTables) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        try workspace.database.inTransaction { () throws(Diagnostic) -> T in
            try body(ScratchTables(workspace: workspace, dialect: dialect))
        }
    }
}
