/// The temporary tables of a run, by role. `_sverka_` keeps them clear of user names.
enum ScratchNames {
    static let deals = ScratchSpec.deals.table
    static let invoices = ScratchSpec.invoices.table
    static let payments = ScratchSpec.payments.table
    static let matches = ScratchSpec.matches.table
    /// Per client: how many counterparties it is matched to, and the first of them.
    static let clientMatches = "_sverka_rc_client_matches"
}
