import SverkaEngine
import SverkaSyntax

/// `profit by client|product|manager|region`: revenue from the CRM (or accounting's invoices or
/// payments), costs from accounting, and their margin per row, in one base currency.
///
/// `compute` only reads (for `check client`, the KPI report, the dashboard); `run` also writes
/// the table `profit`, registered with its types, in one transaction.
///
///     let result = try ProfitAnalysis(workspace: workspace).compute(ProfitRequest(dimension: .client))
///     let margin = result.row("42")?.margin
public struct ProfitAnalysis {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The rows, without writing anything.
    public func compute(_ request: ProfitRequest) throws(Diagnostic) -> ProfitResult {
        // Scratch tables live in the transaction, so an error leaves none behind.
        try workspace.database.inTransaction { () throws(Diagnostic) -> ProfitResult in
            try computeRows(request)
        }
    }

    /// The rows, written to the table `profit` in the same transaction.
    public func run(_ request: ProfitRequest) throws(Diagnostic) -> ProfitResult {
        try workspace.database.inTransaction { () throws(Diagnostic) -> ProfitResult in
            let result = try computeRows(request)
            try ResultTables.replace([ResultTable(name: ProfitResult.tableName, columns: result.columns, rows: result.tableRows)],
                                     in: workspace, by: "profit")
            return result
        }
    }

    private func computeRows(_ request: ProfitRequest) throws(Diagnostic) -> ProfitResult {
        let stream = RoleStream(workspace: workspace)
        let scratch = ScratchTables(workspace: workspace)
        // Products come from deals and costs alone; every other dimension goes through clients.
        let throughClients = request.dimension != .product
        let clients = throughClients ? try ClientDirectory.read(stream) : ClientDirectory()
        let owners = throughClients ? try CounterpartyOwners.read(stream) : CounterpartyOwners()
        let keys = ProfitKeys(dimension: request.dimension, clients: clients, owners: owners)
        var converter = try CurrencyConversion.reading(workspace, base: request.baseCurrency).converter()
        var ledger = ProfitLedger()
        var notes: [String] = []
        try RevenueReader(stream: stream, request: request, keys: keys)
            .read(into: &ledger, converter: &converter, scratch: scratch, notes: &notes)
        let costsMapped = try CostReader(stream: stream, request: request, keys: keys).read(into: &ledger, converter: &converter)
        try scratch.dropAll()
        try converter.check()
        try ledger.checkOverflow()
        let built = try ProfitRowBuilder(dimension: request.dimension, allocation: request.allocation, clients: clients).build(ledger)
        notes += ProfitNotes(request: request, ledger: ledger, clients: clients, owners: owners, costsMapped: costsMapped,
                             converter: converter, built: built).lines
        return ProfitResult(
            request: request, rows: built.rows,
            totalRevenue: Self.money(built.totalRevenue), totalCost: Self.money(built.totalCost),
            unallocatedCost: Self.money(ledger.unallocated.cost), unallocatedRevenue: Self.money(ledger.unallocated.revenue),
            allocatedCost: Self.money(built.allocated), revenueItems: ledger.revenueItems, costItems: ledger.costItems,
            currencies: converter.currencies, convertedAmounts: converter.convertedAmounts, notes: notes)
    }

    private static func money(_ units: Int64) -> ExactDecimal { ExactDecimal(units: units, scale: 2) }
}
