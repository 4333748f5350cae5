import SverkaEngine

/// One item sync sent: which, when, by whom, in which file, and whether the other system has
/// it yet.
public struct JournalEntry: Sendable, Hashable {
    /// Where an item stands.
    public enum Status: String, Sendable, Hashable {
        /// Written to a temporary file, not yet in the outbox (only while an apply runs).
        case pending
        /// In the outbox file.
        case sent
        /// The other system's export now holds it (an invoice for the deal arrived).
        case delivered
    }

    public var sequence: Int64
    /// `invoice:100017`: the kind of change and the deal it is for.
    public var key: String
    public var kind: String
    public var dealID: String
    public var status: Status
    /// The outbox file as the command named it.
    public var file: String
    public var fileSHA256: String
    public var payloadHash: String
    /// `2026-11-30T12:34:56Z`.
    public var at: String
    public var user: String
    public var deliveredAt: String?
    /// The id the other system gave the item (the invoice's id), once delivered.
    public var deliveredID: String?
}

/// The journal as a result table: what `journal` shows and writes to the table `journal`.
enum JournalTable {
    static let name = "journal"

    static let table = SQLResultTable(name: name, columns: [
        ResultColumn(name: "at", type: .text), ResultColumn(name: "kind", type: .text),
        ResultColumn(name: "key", type: .text), ResultColumn(name: "deal_id", type: .text),
        ResultColumn(name: "status", type: .text), ResultColumn(name: "file", type: .text),
        ResultColumn(name: "file_sha256", type: .text), ResultColumn(name: "by", type: .text),
        ResultColumn(name: "delivered_at", type: .text), ResultColumn(name: "invoice_id", type: .text),
    ])

    /// The system table's columns in the result's order.
    static let select = """
        SELECT at, kind, idempotency_key, deal_id, status, file, file_sha256, os_user, delivered_at, delivered_ref
        FROM _sverka_journal WHERE status <> 'pending' ORDER BY seq
        """
}
