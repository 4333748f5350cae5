import Foundation

/// `2026-11-30T12:34:56Z`: how the catalog stores moments, readable in raw SQL.
enum UTCTimestamp {
    static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = CivilDays.civil(fromDays: Int(days))
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let time = "\(pad(Int(rest / 3600), 2)):\(pad(Int(rest / 60 % 60), 2)):\(pad(Int(rest % 60), 2))"
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(time)Z"
    }

    static func parse(_ text: String) -> Date? {
        let trimmed = text.hasSuffix("Z") ? String(text.dropLast()) : text
        guard let moment = CalendarDateTime(iso: Substring(trimmed)) else { return nil }
        let days = Int64(CivilDays.days(year: moment.date.year, month: moment.date.month, day: moment.date.day))
        let seconds = days * 86_400 + Int64(moment.hour * 3600 + moment.minute * 60 + moment.second)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
