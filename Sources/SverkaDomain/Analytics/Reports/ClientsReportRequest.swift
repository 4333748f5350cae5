/// One `report clients [from … to …] [with (window: N)]` question.
public struct ClientsReportRequest: Sendable, Hashable {
    /// The months listed; a client's history before the period still decides whether it is new.
    public var period: DatePeriod
    /// How many months a purchase keeps a client active: the month of the purchase and the
    /// `window - 1` after it.
    public var window: Int

    /// Twelve months: "bought in the last year", the usual definition of an active B2B client.
    public static let defaultWindow = 12
    public static let windows = 1...60

    public init(period: DatePeriod = .all, window: Int = ClientsReportRequest.defaultWindow) {
        self.period = period
        self.window = window
    }
}
