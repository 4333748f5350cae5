/// What a `roi` statement found, in the shape it asked for. The same figures are in the table
/// `roi` (and, for one model run, its lines in `roi_lines`).
public enum ROIOutcome: Sendable {
    /// `roi MODEL [scenario S] [with (…)]`.
    case single(ROISingle)
    /// `roi MODEL vary …`.
    case oneWay(ROIOneWay)
    /// `roi MODEL vary … vary …`.
    case twoWay(ROITwoWay)
    /// `roi MODEL scenarios`.
    case scenarios(ROIScenarios)
}

public struct ROISingle: Sendable {
    public var figures: ROIFigures
    /// The numbers read from data or variables rather than written, as `cost.project = $c → 900,000`.
    public var readNumbers: [ReadNumber]
    /// The scenario applied, if any.
    public var scenario: String?
}

/// A number the model read when it ran: the input, the text that gave it, and its value.
public struct ReadNumber: Sendable {
    public var target: ModelTarget
    public var text: String
    public var value: ExactRatio
}

public struct ROIOneWay: Sendable {
    public var sweep: SweepPlan
    public var rows: [ROIFigures]
    public var breakEven: BreakEven
    /// The lines before anything is varied (empty when those inputs give no figures).
    public var baseLines: [ROIFigures.Line]
    /// The scenario applied before varying, if any.
    public var scenario: String?
}

public struct ROITwoWay: Sendable {
    /// The first `vary`: one row per value.
    public var rows: SweepPlan
    /// The second: one column per value.
    public var columns: SweepPlan
    /// figures[row][column].
    public var figures: [[ROIFigures]]
    /// The first input's break-even at each value of the second.
    public var breakEvens: [BreakEven]
    /// The lines before anything is varied (empty when those inputs give no figures).
    public var baseLines: [ROIFigures.Line]
    /// The scenario applied before varying, if any.
    public var scenario: String?
}

public struct ROIScenarios: Sendable {
    public struct Column: Sendable {
        public var name: String
        /// The model's numbers with the scenario's overrides (and the statement's) applied.
        public var values: ModelValues
        public var figures: ROIFigures
    }

    public var columns: [Column]
    /// Every input some scenario sets, in the order first set.
    public var targets: [ModelTarget]
}
