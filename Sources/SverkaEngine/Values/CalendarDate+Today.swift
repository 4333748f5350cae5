import Foundation

extension CalendarDate {
    /// The current date in the machine's time zone.
    public static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        if let date = CalendarDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) { return date }
        preconditionFailure("the system calendar gave an impossible date")
    }
}
