/// What a run has done so far, for its record: rows loaded into tables and items sent by sync.
public struct RunCounters: Sendable, Equatable {
    public var rowsLoaded = 0
    public var itemsSynced = 0

    public init() {}
}
