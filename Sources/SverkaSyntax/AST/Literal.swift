/// A literal as written, already reduced to an exact value: `1.5k` is the integer 1500,
/// `12.50` the decimal 1250 with scale 2, `20%` the decimal 20 with scale 2.
public enum Literal: Sendable, Hashable {
    case integer(Int64)
    /// An exact decimal: `units / 10^scale`.
    case decimal(units: Int64, scale: Int)
    case string(String)
    /// A calendar date written `@2026-11-30`.
    case date(year: Int, month: Int, day: Int)
    /// A date and time written `@2026-11-30T14:05:00` or `@2026-11-30 14:05`.
    case datetime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    case bool(Bool)
    case null
}
