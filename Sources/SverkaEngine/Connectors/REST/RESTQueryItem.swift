/// One `name=value` query parameter, as the user or a preset wrote it (not yet percent-encoded).
public struct RESTQueryItem: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == RESTQueryItem {
    /// These items, then `others`, an item of `others` replacing one of the same name here.
    public func overridden(by others: [RESTQueryItem]) -> [RESTQueryItem] {
        let replaced = Set(others.map(\.name))
        return filter { !replaced.contains($0.name) } + others
    }

    /// `name=value&…` for the stored options and notes.
    public var text: String { map { "\($0.name)=\($0.value)" }.joined(separator: "&") }
}
