/// Which CRM stage values mean a deal is won or lost; everything else is open. Values are
/// compared trimmed and case-insensitively (Cyrillic included), so `" Closed Won"` is won.
public struct StageRules: Sendable, Hashable {
    public static let defaultWon = ["won", "closed won", "успешно реализовано", "выиграна", "оплачено"]
    public static let defaultLost = ["lost", "closed lost", "закрыто и не реализовано", "проиграна", "отказ"]

    public var won: [String]
    public var lost: [String]

    public init(won: [String] = StageRules.defaultWon, lost: [String] = StageRules.defaultLost) {
        self.won = won
        self.lost = lost
    }

    /// A stage value as it is compared: without leading and trailing spaces (as SQL's trim()
    /// takes them), lowercased.
    public static func key(_ value: String) -> String {
        let start = value.firstIndex { $0 != " " } ?? value.endIndex
        let end = value.lastIndex { $0 != " " }.map { value.index(after: $0) } ?? start
        return String(value[start..<max(start, end)]).lowercased()
    }

    /// What a raw stage value counts as.
    public func stage(of raw: String?) -> String {
        guard let raw else { return "open" }
        let key = Self.key(raw)
        if won.map(Self.key).contains(key) { return "won" }
        if lost.map(Self.key).contains(key) { return "lost" }
        return "open"
    }

    /// The pipeline expression that normalises `source` (pipeline text of a text value) to
    /// won, lost or open; the same rule as `stage(of:)`, run by the database.
    func expression(of source: String) -> String {
        let key = "lower(trim(\(source)))"
        let wonList = won.map { PipelineText.string(Self.key($0)) }.joined(separator: ", ")
        let lostList = lost.map { PipelineText.string(Self.key($0)) }.joined(separator: ", ")
        let lostOrOpen = lost.isEmpty ? "\"open\"" : "if(\(key) in (\(lostList)), \"lost\", \"open\")"
        return won.isEmpty ? lostOrOpen : "if(\(key) in (\(wonList)), \"won\", \(lostOrOpen))"
    }
}
