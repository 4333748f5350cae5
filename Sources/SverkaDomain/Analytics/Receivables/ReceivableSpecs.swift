/// The fields the receivables commands read from each role. Invoices and payments are read as
/// reconciliation reads them; the others add what a client's card and the alerts show. The
/// roles are read as subqueries (`RoleSelection`), never copied: the specs' table names go unused.
enum ReceivableSpecs {
    static let invoices = ScratchSpec.invoices
    static let payments = ScratchSpec.payments

    static let matches = ScratchSpec.matches

    /// `matches` with how each link was made, for a client's card.
    static let matchLinks = ScratchSpec(source: "matches", table: "_sverka_ar_match_links", fields: [
        ScratchField("client_id", .id, required: true), ScratchField("counterparty_id", .id, required: true),
        ScratchField("method", .text),
    ], indexes: [])

    static let deals = ScratchSpec(source: "crm.deals", table: "_sverka_ar_deals", fields: [
        ScratchField("id", .id, required: true), ScratchField("client_id", .id, required: true),
        ScratchField("amount", .money, required: true), ScratchField("stage", .lowerText, required: true),
        ScratchField("stage_raw", .text), ScratchField("currency", .text), ScratchField("created_at", .date),
        ScratchField("closed_at", .date),
    ], indexes: [])

    static let clients = ScratchSpec(source: "crm.clients", table: "_sverka_ar_clients", fields: [
        ScratchField("id", .id, required: true), ScratchField("name", .text, required: true),
        ScratchField("tax_id", .id), ScratchField("manager", .text), ScratchField("region", .text),
    ], indexes: [])

    static let counterparties = ScratchSpec(source: "acc.counterparties", table: "_sverka_ar_counterparties", fields: [
        ScratchField("id", .id, required: true), ScratchField("name", .text, required: true),
        ScratchField("tax_id", .id),
    ], indexes: [])
}
