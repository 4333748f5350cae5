import SverkaSyntax

/// Converted rows waiting to be inserted: what the parsing thread hands the inserting one.
/// Values sit in flat arrays (kind, 64-bit payload, length), text bytes in one arena, so that
/// handing over a few thousand rows costs no allocation.
final class CSVRowBatch {
    enum Kind: UInt8 {
        case null, integer, real, text
    }

    /// A row set aside for the rejects table.
    struct Reject {
        var line: Int
        var raw: [UInt8]
        var reason: String
    }

    static let rowCapacity = 4096

    let width: Int
    private(set) var count = 0
    private let kinds: UnsafeMutablePointer<UInt8>
    /// An integer, a double's bits, or a text's offset into the arena.
    private let payloads: UnsafeMutablePointer<Int64>
    private let lengths: UnsafeMutablePointer<Int32>
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity = 1 << 20
    private var arenaUsed = 0

    var rejects: [Reject] = []
    /// Records read into this batch, rejects included, and file bytes read after it.
    var records = 0
    var bytesRead = 0
    /// The last batch of the file; or the error that ended the reading.
    var isLast = false
    var error: Diagnostic?

    init(width: Int) {
        self.width = width
        let cells = max(1, width * Self.rowCapacity)
        kinds = .allocate(capacity: cells)
        payloads = .allocate(capacity: cells)
        lengths = .allocate(capacity: cells)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        kinds.deallocate()
        payloads.deallocate()
        lengths.deallocate()
        arena.deallocate()
    }

    var isFull: Bool { count == Self.rowCapacity }

    func reset() {
        count = 0
        arenaUsed = 0
        rejects.removeAll(keepingCapacity: true)
        records = 0
        isLast = false
        error = nil
    }

    /// Cell `column` of the row being filled (`count`), made permanent by `commitRow()`.
    @inline(__always)
    func set(_ column: Int, integer value: Int64) {
        let cell = count * width + column
        kinds[cell] = Kind.integer.rawValue
        payloads[cell] = value
    }

    @inline(__always)
    func set(_ column: Int, real value: Double) {
        let cell = count * width + column
        kinds[cell] = Kind.real.rawValue
        payloads[cell] = Int64(bitPattern: value.bitPattern)
    }

    @inline(__always)
    func setNull(_ column: Int) {
        kinds[count * width + column] = Kind.null.rawValue
    }

    /// Copies the text in: the reader's buffer is reused for the next record.
    @inline(__always)
    func set(_ column: Int, text: UnsafeBufferPointer<UInt8>) {
        if arenaUsed + text.count > arenaCapacity { growArena(toHold: text.count) }
        if let base = text.baseAddress { (arena + arenaUsed).update(from: base, count: text.count) }
        let cell = count * width + column
        kinds[cell] = Kind.text.rawValue
        payloads[cell] = Int64(arenaUsed)
        lengths[cell] = Int32(text.count)
        arenaUsed += text.count
    }

    @inline(__always)
    func commitRow() { count += 1 }

    private func growArena(toHold extra: Int) {
        var capacity = arenaCapacity * 2
        while capacity < arenaUsed + extra { capacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: arena, count: arenaUsed)
        arena.deallocate()
        arena = larger
        arenaCapacity = capacity
    }

    /// Binds row `row` to the statement's parameters 1…width.
    @inline(__always)
    func bind(row: Int, to insert: PreparedStatement) throws(Diagnostic) {
        var cell = row * width
        for column in 0..<width {
            let parameter = Int32(column + 1)
            switch kinds[cell] {
            case Kind.integer.rawValue:
                try insert.bindInt64(payloads[cell], at: parameter)
            case Kind.real.rawValue:
                try insert.bindDouble(Double(bitPattern: UInt64(bitPattern: payloads[cell])), at: parameter)
            case Kind.text.rawValue:
                try insert.bindText(noCopy: UnsafeBufferPointer(start: arena + Int(payloads[cell]), count: Int(lengths[cell])),
                                    at: parameter)
            default:
                try insert.bindNull(at: parameter)
            }
            cell += 1
        }
    }
}
