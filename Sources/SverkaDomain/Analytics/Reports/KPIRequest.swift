import SverkaEngine

/// One `report kpi [as of DATE]` question.
public struct KPIRequest: Sendable, Hashable {
    /// The last day of the latest period.
    public var asOf: CalendarDate
    public var baseCurrency: String?

    public init(asOf: CalendarDate, baseCurrency: String? = nil) {
        self.asOf = asOf
        self.baseCurrency = baseCurrency
    }
}
