/// A pipeline turned into SQL: the text, its bound parameters in placeholder order, and the
/// logical type of each output column (what the renderers need to show money as money).
public struct CompiledQuery: Sendable {
    public var sql: String
    public var parameters: [StoredValue]
    public var columns: [ResultColumn]
    /// The engine that runs it, as `explain` reports.
    public var engine: String

    public init(sql: String, parameters: [StoredValue], columns: [ResultColumn], engine: String) {
        self.sql = sql
        self.parameters = parameters
        self.columns = columns
        self.engine = engine
    }
}
