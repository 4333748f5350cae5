/// Which row an amount belongs to, by the request's dimension.
///
/// Revenue: a deal's (or an invoice's deal's) client; an invoice or payment with no CRM deal
/// belongs to the client its counterparty is matched to. Products come from the deal only. A
/// manager or region is the client's (from crm.clients), else the deal's own: costs can reach a
/// manager only through a client, so revenue goes the same way and the margin compares like
/// with like.
///
/// Costs: the client the cost's counterparty is matched to; a product from the cost's product;
/// a manager or region from that client.
struct ProfitKeys {
    let dimension: ProfitDimension
    let clients: ClientDirectory
    let owners: CounterpartyOwners

    /// The row of a revenue amount: `client` is the deal's client, `counterparty` the invoice's
    /// (for invoices and payments), `dealAttribute` the deal's product, manager or region.
    func revenue(client: String?, counterparty: String?, dealAttribute: String?) -> (key: String?, reason: UnallocatedReason) {
        switch dimension {
        case .client:
            return (client ?? counterparty.flatMap { owners[$0] }, .noClient)
        case .product:
            return (dealAttribute, .noProduct)
        case .manager, .region:
            let owner = client ?? counterparty.flatMap { owners[$0] }
            return (clients.attribute(dimension, of: owner) ?? dealAttribute, owner == nil ? .noClient : .noAttribute(dimension))
        }
    }

    /// The row of a cost.
    func cost(counterparty: String?, product: String?) -> (key: String?, reason: UnallocatedReason) {
        if dimension == .product { return (product, .noProduct) }
        guard let counterparty else { return (nil, .noCounterparty) }
        guard owners.hasMatches else { return (nil, .noMatches) }
        guard let owner = owners[counterparty] else { return (nil, .unmatchedCounterparty) }
        if dimension == .client { return (owner, .noClient) }
        return (clients.attribute(dimension, of: owner), .clientWithoutAttribute(dimension))
    }
}
