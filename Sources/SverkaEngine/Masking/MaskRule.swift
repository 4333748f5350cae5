/// What a column known to hold personal data holds, and so how each of its values is masked.
///
/// Columns are named personal by whoever knows what the data means (the integration roles);
/// the engine knows only how each kind is hidden. A column without a rule is still judged
/// value by value (`Masking.maskText`).
public enum MaskRule: Sendable, Hashable {
    /// Whatever the value holds is hidden as an e-mail address: `i***@example.com`.
    case email
    /// Whatever the value holds is hidden as a phone number: `+7 *** ***-**-12`.
    case phone
    /// A tax id: ten digits (a company's ИНН) are kept; any other value with digits — an
    /// individual's twelve — keeps only its last two.
    case taxID
    /// A person's name, hidden at `MaskLevel.names` only: `Иванов Иван Иванович` → `И*** И. И.`.
    case personName
    /// An organisation's name, kept unless it begins with one of `personPrefixes` (`ИП`):
    /// then what follows is a person's name, hidden as `personName` is.
    case organizationName(personPrefixes: [String])
}
