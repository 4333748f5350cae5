/// The rows a cut table keeps: the first few, the last few in a ring buffer, and how many came.
///
/// Memory stays bounded by the window however many rows stream through.
struct RowWindow<Row> {
    private let headCapacity: Int
    private let tailCapacity: Int
    private(set) var head: [Row] = []
    private var ring: [Row] = []
    /// Where the oldest row of the ring sits once the ring is full.
    private var ringStart = 0
    /// Every row appended, kept or not.
    private(set) var count = 0

    /// `maxRows` rows at most: the first half rounded up and the last half rounded down.
    /// Zero or less keeps everything.
    init(maxRows: Int) {
        if maxRows <= 0 {
            headCapacity = Int.max
            tailCapacity = 0
        } else {
            headCapacity = (maxRows + 1) / 2
            tailCapacity = maxRows / 2
        }
    }

    mutating func append(_ row: Row) {
        count += 1
        if head.count < headCapacity {
            head.append(row)
        } else if ring.count < tailCapacity {
            ring.append(row)
        } else if tailCapacity > 0 {
            ring[ringStart] = row
            ringStart = (ringStart + 1) % tailCapacity
        }
    }

    /// The last rows kept, oldest first.
    var tail: [Row] { Array(ring[ringStart...] + ring[..<ringStart]) }

    /// How many rows are kept to be shown.
    var keptCount: Int { head.count + ring.count }

    /// True when rows were dropped between the head and the tail.
    var isCut: Bool { count > keptCount }
}
