/// What `sync` proposes: invoices accounting lacks, or payment statuses the CRM lacks.
public enum SyncKind: String, Sendable, Hashable, CaseIterable {
    /// An invoice for each won deal that has none; goes to accounting.
    case invoices
    /// The payment status of each deal with invoices; goes to the CRM.
    case statuses

    /// The `kind` column of proposals and of the journal, and the start of the idempotency key.
    public var itemKind: String {
        switch self {
        case .invoices: return "invoice"
        case .statuses: return "status"
        }
    }

    /// The system the outbox file is for.
    public var target: String {
        switch self {
        case .invoices: return "accounting"
        case .statuses: return "the CRM"
        }
    }
}
