import SverkaEngine

/// The tables a `roi` statement leaves: `roi`, one row of figures per run, per value varied or
/// per scenario; and `roi_lines`, each effect and cost of the model as run (of every scenario,
/// for `scenarios`; before anything is varied, for `vary`).
public enum ROITables {
    static let figuresTable = "roi"
    static let linesTable = "roi_lines"

    static let money = LogicalType.decimal(scale: 2)
    /// Inputs are kept with up to this many decimals (more are rounded half away from zero).
    static let inputPlaces = 4

    /// The columns every shape shares, after its own leading ones.
    static let figureColumns = [
        ResultColumn(name: "horizon_months", type: .integer), ResultColumn(name: "total_effect", type: money),
        ResultColumn(name: "total_cost", type: money), ResultColumn(name: "net_effect", type: money),
        ResultColumn(name: "roi_pct", type: .decimal(scale: 1)), ResultColumn(name: "payback_month", type: .integer),
        ResultColumn(name: "npv", type: money),
    ]

    public static func tables(for outcome: ROIOutcome) -> [ResultTable] {
        switch outcome {
        case .single(let single):
            return [ResultTable(name: figuresTable, columns: [ResultColumn(name: "model", type: .text)] + figureColumns,
                                rows: [[.text(single.figures.modelName)] + figureValues(single.figures)]),
                    lines([(single.scenario, single.figures.lines)])]
        case .oneWay(let oneWay):
            let column = inputColumn(oneWay.sweep)
            let rows = zip(oneWay.sweep.values, oneWay.rows).map { value, figures in
                [inputValue(value, column.type)] + figureValues(figures)
            }
            return [ResultTable(name: figuresTable, columns: [column] + figureColumns, rows: rows),
                    lines([(nil, oneWay.baseLines)])]
        case .twoWay(let twoWay):
            let first = inputColumn(twoWay.rows), second = inputColumn(twoWay.columns)
            var rows: [[Value]] = []
            for (rowValue, line) in zip(twoWay.rows.values, twoWay.figures) {
                for (columnValue, figures) in zip(twoWay.columns.values, line) {
                    rows.append([inputValue(rowValue, first.type), inputValue(columnValue, second.type)] + figureValues(figures))
                }
            }
            return [ResultTable(name: figuresTable, columns: [first, second] + figureColumns, rows: rows),
                    lines([(nil, twoWay.baseLines)])]
        case .scenarios(let scenarios):
            let rows = scenarios.columns.map { [Value.text($0.name)] + figureValues($0.figures) }
            return [ResultTable(name: figuresTable, columns: [ResultColumn(name: "scenario", type: .text)] + figureColumns, rows: rows),
                    lines(scenarios.columns.map { ($0.name, $0.figures.lines) })]
        }
    }

    static func figureValues(_ figures: ROIFigures) -> [Value] {
        [.integer(Int64(figures.horizonMonths)), moneyValue(figures.totalEffect), moneyValue(figures.totalCost),
         moneyValue(figures.netEffect), figures.roiPercent.map(Value.decimal) ?? .null,
         figures.paybackMonth.map { .integer(Int64($0)) } ?? .null, figures.npvMoney.map(Value.decimal) ?? .null]
    }

    static func moneyValue(_ ratio: ExactRatio?) -> Value {
        ratio?.money.map(Value.decimal) ?? .null
    }

    /// A varied input's column: months are whole numbers; other inputs keep the decimals their
    /// values need (up to four).
    static func inputColumn(_ plan: SweepPlan) -> ResultColumn {
        guard plan.target != .horizon else { return ResultColumn(name: plan.target.columnName, type: .integer) }
        return ResultColumn(name: plan.target.columnName, type: .decimal(scale: places(plan.values)))
    }

    static func inputValue(_ value: ExactRatio, _ type: LogicalType) -> Value {
        guard case .decimal(let scale) = type else {
            return value.isInteger ? Int64(exactly: value.numerator).map(Value.integer) ?? .null : .null
        }
        return value.rounded(scale: scale).map(Value.decimal) ?? .null
    }

    static func places(_ values: [ExactRatio]) -> Int {
        values.map { min($0.exactScale ?? inputPlaces, inputPlaces) }.max() ?? 0
    }

    /// `roi_lines`: the scenario (if any), then each line as the figures have it.
    static func lines(_ groups: [(scenario: String?, lines: [ROIFigures.Line])]) -> ResultTable {
        let inputs = groups.flatMap { $0.lines.flatMap { [$0.before, $0.after, $0.worth].compactMap { $0 } } }
        let input = LogicalType.decimal(scale: places(inputs))
        let columns = [
            ResultColumn(name: "scenario", type: .text), ResultColumn(name: "line", type: .text), ResultColumn(name: "kind", type: .text),
            ResultColumn(name: "before", type: input), ResultColumn(name: "after", type: input), ResultColumn(name: "worth", type: input),
            ResultColumn(name: "per", type: .text), ResultColumn(name: "a_year", type: money), ResultColumn(name: "total", type: money),
        ]
        var rows: [[Value]] = []
        for group in groups {
            for line in group.lines {
                let value = { (ratio: ExactRatio?) in ratio.map { inputValue($0, input) } ?? .null }
                rows.append([group.scenario.map(Value.text) ?? .null, .text(line.name), .text(line.kind.rawValue),
                             value(line.before), value(line.after), value(line.worth), .text(line.period),
                             moneyValue(line.perYear), moneyValue(line.total)])
            }
        }
        return ResultTable(name: linesTable, columns: columns, rows: rows)
    }
}
