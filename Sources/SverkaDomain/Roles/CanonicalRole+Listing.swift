extension CanonicalRole {
    /// `id*, client_id*, amount*, stage*, currency, …`: the fields, required ones starred, as
    /// `help map` and error hints list them.
    public var fieldSummary: String {
        fields.map { $0.isRequired ? "\($0.name)*" : $0.name }.joined(separator: ", ")
    }
}
