/// What `set` changes: how results look and what the shell reports.
public struct SessionSettings: Sendable {
    public var render = RenderSettings()
    /// Print each statement's elapsed time on stderr.
    public var timer = false
    /// Interactive only: long results go through `$PAGER`.
    public var pager = true

    public init() {}
}
