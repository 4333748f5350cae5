/// One column of a query result: its output name and logical type.
public struct ResultColumn: Sendable, Hashable {
    public var name: String
    public var type: LogicalType

    public init(name: String, type: LogicalType) {
        self.name = name
        self.type = type
    }
}
