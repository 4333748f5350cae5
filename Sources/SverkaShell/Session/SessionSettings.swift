import SverkaEngine

/// What `set` changes: how results look and what the shell reports.
public struct SessionSettings: Sendable {
    public var render = RenderSettings()
    /// Print each statement's elapsed time on stderr.
    public var timer = false
    /// Interactive only: long results go through `$PAGER`.
    public var pager = true
    /// The currency the analytics commands convert every amount to (`set currency RUB`), at the
    /// rates in acc.rates; nil: amounts must all be in one currency.
    public var currency: String?
    /// `set mask on|names`: personal data is masked in results, exports, messages, the history
    /// and the run log (see Sources/SverkaShell/Privacy). Not part of `render`: it reaches past
    /// rendering, to files and records.
    public var mask: MaskLevel = .off

    public init() {}
}
