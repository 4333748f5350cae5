import SverkaEngine

/// One canonical field copied into a scratch table, with the form its values are brought to so
/// that the generated SQL can compare them without asking about types again.
struct ScratchField: Sendable {
    enum Shape: Sendable {
        /// Text, trimmed; an empty id is no id (null).
        case id
        /// Text as it is.
        case text
        /// Lower-case, trimmed text (stages).
        case lowerText
        /// Exact money with two places (integer minor units).
        case money
        case date
    }

    let name: String
    let shape: Shape
    let isRequired: Bool

    init(_ name: String, _ shape: Shape, required: Bool = false) {
        self.name = name
        self.shape = shape
        self.isRequired = required
    }

    /// The column's type in the scratch table and in result tables.
    var type: LogicalType {
        switch shape {
        case .id, .text, .lowerText: return .text
        case .money: return .decimal(scale: 2)
        case .date: return .date
        }
    }

    /// Whether a source column of this type can be brought to the field's shape.
    func accepts(_ source: LogicalType) -> Bool {
        switch shape {
        case .id, .text, .lowerText: return true
        case .money: return source.isNumeric || source == .text || source == .null
        case .date: return source.isTemporal || source == .text || source == .null
        }
    }
}

/// What to copy into one scratch table: a role (or the `matches` table), the fields, and the
/// indexes the joins that follow look rows up by (one column list each).
struct ScratchSpec: Sendable {
    /// A role's catalog name (`crm.deals`) or a table's.
    let source: String
    let table: String
    let fields: [ScratchField]
    let indexes: [[String]]

    static let deals = ScratchSpec(source: "crm.deals", table: "_sverka_rc_deals", fields: [
        ScratchField("id", .id, required: true), ScratchField("client_id", .id, required: true),
        ScratchField("amount", .money, required: true), ScratchField("stage", .lowerText, required: true),
        ScratchField("stage_raw", .text), ScratchField("currency", .text), ScratchField("closed_at", .date),
    ], indexes: [["id"]])

    static let invoices = ScratchSpec(source: "acc.invoices", table: "_sverka_rc_invoices", fields: [
        ScratchField("id", .id, required: true), ScratchField("counterparty_id", .id, required: true),
        ScratchField("amount", .money, required: true), ScratchField("issue_date", .date, required: true),
        ScratchField("due_date", .date), ScratchField("deal_id", .id), ScratchField("currency", .text),
    ], indexes: [["id"], ["deal_id"]])

    static let payments = ScratchSpec(source: "acc.payments", table: "_sverka_rc_payments", fields: [
        ScratchField("id", .id, required: true), ScratchField("amount", .money, required: true),
        ScratchField("paid_at", .date, required: true), ScratchField("invoice_id", .id),
        ScratchField("counterparty_id", .id),
    ], indexes: [["invoice_id"]])

    static let matches = ScratchSpec(source: "matches", table: "_sverka_rc_matches", fields: [
        ScratchField("client_id", .id, required: true), ScratchField("counterparty_id", .id, required: true),
    ], indexes: [["client_id", "counterparty_id"]])

    static let clients = ScratchSpec(source: "crm.clients", table: "_sverka_rc_clients", fields: [
        ScratchField("id", .id, required: true), ScratchField("name", .text, required: true),
        ScratchField("tax_id", .id),
    ], indexes: [["id"]])

    static let counterparties = ScratchSpec(source: "acc.counterparties", table: "_sverka_rc_counterparties", fields: [
        ScratchField("id", .id, required: true), ScratchField("name", .text, required: true),
        ScratchField("tax_id", .id),
    ], indexes: [["id"]])
}
