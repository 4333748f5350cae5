/// Who is new, active, lapsed and back, month by month, from the months each client bought in
/// (a won deal closed in the month).
///
/// - active in M: bought in one of the `window` months ending with M;
/// - new in M: bought for the first time ever in M;
/// - lapsed in M: active in the month before and not in M (its last purchase was `window`
///   months before M);
/// - returned in M: bought in M after having lapsed.
///
/// So active(M) = active(M−1) + new(M) + returned(M) − lapsed(M), month after month. A
/// client's purchases keep it active over one stretch of months, or several with gaps between;
/// each stretch starts with a new or returned client and ends with a lapse after it.
struct ClientLifecycle {
    let window: Int
    private(set) var newClients: [CalendarMonth: Int] = [:]
    private(set) var returnedClients: [CalendarMonth: Int] = [:]
    private(set) var lapsedClients: [CalendarMonth: Int] = [:]
    /// +1 where a stretch starts, −1 the month after it ends; active(M) adds up those up to M.
    private var activeChanges: [CalendarMonth: Int] = [:]

    init(window: Int, purchases: [String: Set<CalendarMonth>]) {
        self.window = window
        for months in purchases.values {
            var stretches: [(start: CalendarMonth, end: CalendarMonth)] = []
            for month in months.sorted() {
                let end = month.advanced(by: window - 1)
                if let last = stretches.last, month <= last.end.advanced(by: 1) {
                    stretches[stretches.count - 1].end = max(last.end, end)
                } else {
                    stretches.append((month, end))
                }
            }
            for (offset, stretch) in stretches.enumerated() {
                if offset == 0 { newClients[stretch.start, default: 0] += 1 } else { returnedClients[stretch.start, default: 0] += 1 }
                lapsedClients[stretch.end.advanced(by: 1), default: 0] += 1
                activeChanges[stretch.start, default: 0] += 1
                activeChanges[stretch.end.advanced(by: 1), default: 0] -= 1
            }
        }
    }

    /// Active clients in each of `months` (sorted ascending).
    func active(in months: [CalendarMonth]) -> [Int] {
        let changes = activeChanges.sorted { $0.key < $1.key }
        var next = 0
        var running = 0
        return months.map { month in
            while next < changes.count, changes[next].key <= month {
                running += changes[next].value
                next += 1
            }
            return running
        }
    }
}
