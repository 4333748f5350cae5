import Foundation

/// Currency codes as the data writes them (` usd`, `Usd`) brought to one spelling (`USD`), so
/// that a deal's currency, a rate's currency and the base currency compare as equal.
public enum CurrencyCode {
    /// Trimmed and upper-cased; nil for no code (null or blank), which means the base currency.
    public static func normalized(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed.uppercased()
    }

    /// `RUB, USD`: codes sorted, for messages.
    static func list(_ codes: some Sequence<String>) -> String {
        codes.sorted().joined(separator: ", ")
    }
}
