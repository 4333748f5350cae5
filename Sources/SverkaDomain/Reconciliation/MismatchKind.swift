/// One kind of disagreement between the CRM and accounting, as `reconcile` reports it. The raw
/// values are what the `kind` column of `mismatches` holds; the order is the table's order.
public enum MismatchKind: String, Sendable, Hashable, CaseIterable {
    /// A won deal that no invoice refers to.
    case dealWithoutInvoice = "deal_without_invoice"
    /// An invoice whose deal_id is empty or names no deal of the CRM.
    case invoiceWithoutDeal = "invoice_without_deal"
    /// An invoice for a deal that is lost or still open.
    case invoiceForUnwonDeal = "invoice_for_unwon_deal"
    /// A won deal whose invoices add up to another amount.
    case amountMismatch = "amount_mismatch"
    /// An invoice billed to a counterparty that is not the one matched to the deal's client.
    case counterpartyMismatch = "counterparty_mismatch"
    /// A payment whose invoice_id is empty or names no invoice.
    case paymentWithoutInvoice = "payment_without_invoice"
    /// An invoice whose payments add up to more than its amount.
    case overpaid

    /// What the kind means, for the summary and for help.
    public var explanation: String {
        switch self {
        case .dealWithoutInvoice: return "won deals no invoice refers to"
        case .invoiceWithoutDeal: return "invoices with an empty or unknown deal_id"
        case .invoiceForUnwonDeal: return "invoices for deals that are lost or open"
        case .amountMismatch: return "won deals whose invoices add up to another amount"
        case .counterpartyMismatch: return "invoices billed to another counterparty than the client's match"
        case .paymentWithoutInvoice: return "payments with an empty or unknown invoice_id"
        case .overpaid: return "invoices paid more than their amount"
        }
    }
}
