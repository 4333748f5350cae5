/// Excel's serial numbers as dates and times: whole days since an epoch, the fraction the time of day.
enum XLSXDateSerial {
    /// `yyyy-MM-dd`, or `yyyy-MM-dd HH:mm:ss` when there is a time; nil when the serial is no
    /// real day (below 1, past 9999, or 1900-02-29, which Excel counts but never was).
    static func dateText(_ serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        // To the nearest second: 0.5416666667 is 13:00:00, not 12:59:59.99.
        let total = Int64((serial * 86_400).rounded())
        let days = Int(total / 86_400)
        let seconds = Int(total % 86_400)
        let dayNumber: Int
        if date1904 {
            dayNumber = CivilDays.days(year: 1904, month: 1, day: 1) + days
        } else {
            // Lotus 1-2-3 took 1900 for a leap year and Excel kept it: serial 60 is 1900-02-29,
            // so serials before it are one day later than counting from 1899-12-30 gives.
            guard days >= 1, days != 60 else { return nil }
            dayNumber = CivilDays.days(year: 1899, month: 12, day: 30) + days + (days < 60 ? 1 : 0)
        }
        let (year, month, day) = CivilDays.civil(fromDays: dayNumber)
        guard (1...9999).contains(year) else { return nil }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        return seconds == 0 ? date : "\(date) \(clock(seconds))"
    }

    /// The time of day of a serial, `HH:mm:ss`.
    static func timeText(_ serial: Double) -> String? {
        guard serial.isFinite, serial >= 0 else { return nil }
        return clock(Int((serial * 86_400).rounded()) % 86_400)
    }

    /// Elapsed time, hours not wrapped at a day: 1.5 is `36:00:00`.
    static func durationText(_ serial: Double) -> String? {
        guard serial.isFinite, abs(serial) < 1e9 else { return nil }
        let total = Int((abs(serial) * 86_400).rounded())
        return (serial < 0 ? "-" : "") + "\(pad(total / 3600, 2)):\(pad(total / 60 % 60, 2)):\(pad(total % 60, 2))"
    }

    private static func clock(_ seconds: Int) -> String {
        "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
