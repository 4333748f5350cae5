import SverkaDomain
import SverkaEngine

/// How a `roi` statement's outcome is shown: the model as a table in the shape of the issue's
/// spreadsheet (lines, totals, ROI, payback, NPV), a row per varied value, a two-way grid of
/// ROI %, or scenarios side by side — results on stdout, what they mean on stderr.
struct ROIReport {
    let outcome: ROIOutcome
    let modelName: String

    func show(in session: Session) {
        switch outcome {
        case .single(let single): showSingle(single, in: session)
        case .oneWay(let oneWay): showOneWay(oneWay, in: session)
        case .twoWay(let twoWay): showTwoWay(twoWay, in: session)
        case .scenarios(let scenarios): showScenarios(scenarios, in: session)
        }
    }

    // MARK: - One run

    private static let lineColumns = [
        ResultColumn(name: "line", type: .text), ResultColumn(name: "kind", type: .text),
        ResultColumn(name: "before", type: .decimal(scale: 0)), ResultColumn(name: "after", type: .decimal(scale: 0)),
        ResultColumn(name: "worth", type: .decimal(scale: 0)), ResultColumn(name: "per", type: .text),
        ResultColumn(name: "a_year", type: .decimal(scale: 2)), ResultColumn(name: "total", type: .decimal(scale: 2)),
    ]

    private func showSingle(_ single: ROISingle, in session: Session) {
        let figures = single.figures
        var rows: [[Value]] = []
        let blank = Value.text("")
        for line in figures.lines where line.kind != .cost {
            rows.append([.text(line.name), .text(line.kind.rawValue), Self.input(line.before), Self.input(line.after),
                         Self.input(line.worth), .text(line.period), Self.money(line.perYear), Self.money(line.total)])
        }
        rows.append(Self.figureRow("total effect", Self.money(figures.yearlyEffect), Self.money(figures.totalEffect)))
        for line in figures.lines where line.kind == .cost {
            rows.append([.text(line.name), .text("cost"), blank, blank, blank, .text(line.period),
                         line.perYear.map(Self.money) ?? blank, Self.money(line.total)])
        }
        rows.append(Self.figureRow("total cost", blank, Self.money(figures.totalCost)))
        rows.append(Self.figureRow("net effect", blank, Self.money(figures.netEffect)))
        rows.append(Self.figureRow("ROI %", blank, figures.roiPercent.map(Value.decimal) ?? .text("too large")))
        rows.append(Self.figureRow("payback month", blank, figures.paybackMonth.map { .integer(Int64($0)) } ?? .text("none")))
        if let discount = figures.discount {
            rows.append(Self.figureRow("NPV at \(Self.percent(discount))", blank, figures.npvMoney.map(Value.decimal) ?? blank))
        }
        session.show(columns: Self.lineColumns, rows: rows)

        var summary = "roi \(modelName)\(Self.scenario(single.scenario)): \(Self.summary(figures)) — tables roi, roi_lines\n"
        for read in single.readNumbers {
            summary += "  read now: \(read.target) = \(read.text) → \(read.value.formatted())\n"
        }
        session.messages.write(summary)
    }

    private static func figureRow(_ label: String, _ perYear: Value, _ total: Value) -> [Value] {
        let blank = Value.text("")
        return [.text(label), blank, blank, blank, blank, blank, perYear, total]
    }

    /// `ROI 1.9% over 12 months, payback in month 12, NPV -34,317.11 at 12%`.
    static func summary(_ figures: ROIFigures) -> String {
        let roi = figures.roiPercent.map { "\($0.formatted(groupingSeparator: ","))%" } ?? "too large to show"
        var text = "ROI \(roi) over \(months(figures.horizonMonths)), "
        text += figures.paybackMonth.map { "payback in month \($0)" } ?? "no payback within \(months(figures.horizonMonths))"
        if let discount = figures.discount, let npv = figures.npvMoney {
            text += ", NPV \(npv.formatted(groupingSeparator: ",")) at \(percent(discount))"
        }
        return text
    }

    // MARK: - vary

    private func showOneWay(_ oneWay: ROIOneWay, in session: Session) {
        show(ROITables.tables(for: outcome).first, in: session)
        let target = oneWay.sweep.target
        var text = "roi \(modelName)\(Self.scenario(oneWay.scenario)) varying \(target) over \(oneWay.rows.count) values — table roi\n"
        text += Self.breakEvenLines(oneWay.breakEven, prefix: "break-even: ").joined(separator: "\n") + "\n"
        session.messages.write(text)
    }

    private func showTwoWay(_ twoWay: ROITwoWay, in session: Session) {
        let rowTarget = twoWay.rows.target, columnTarget = twoWay.columns.target
        var columns = [ResultColumn(name: "\(rowTarget) \\ \(columnTarget)", type: .decimal(scale: 0))]
        columns += twoWay.columns.values.map { ResultColumn(name: $0.formatted(), type: .decimal(scale: 1)) }
        let rows = zip(twoWay.rows.values, twoWay.figures).map { value, line in
            [Self.input(value)] + line.map { $0.roiPercent.map(Value.decimal) ?? .null }
        }
        session.show(columns: columns, rows: rows)
        var text = "roi \(modelName)\(Self.scenario(twoWay.scenario)): ROI % by \(rowTarget) (rows) and \(columnTarget) (columns);"
            + " every figure of each pair is in table roi\n"
        text += "break-even \(rowTarget) at each \(columnTarget):\n"
        for (value, breakEven) in zip(twoWay.columns.values, twoWay.breakEvens) {
            text += Self.breakEvenLines(breakEven, prefix: "  \(columnTarget) = \(value.formatted()): ").joined(separator: "\n") + "\n"
        }
        session.messages.write(text)
    }

    /// What the break-even of an input is, in words: where ROI is 0, and where NPV is.
    static func breakEvenLines(_ breakEven: BreakEven, prefix: String) -> [String] {
        let target = breakEven.target
        var lines: [String] = []
        if let zero = breakEven.roiZero {
            var line = target == .horizon
                ? "ROI is 0 at a horizon of \(zero.formatted(places: 2)) months"
                : "ROI is 0 when \(target) = \(zero.formatted(places: 2))"
            if !breakEven.roiZeroIsPossible {
                line += " — a value it cannot take, so ROI keeps its sign whatever \(target) is"
            }
            lines.append(prefix + line)
        } else {
            lines.append(prefix + "ROI does not depend on \(target)")
        }
        if let zero = breakEven.npvZero {
            if target == .discount {
                lines.append(prefix + "NPV is 0 at a discount of \(String(format: "%.1f", zero * 100))% a year (the internal rate of return)")
            } else if zero.isFinite, zero.magnitude < 9e16 {
                let amount = ExactDecimal(units: Int64((zero * 100).rounded(.toNearestOrAwayFromZero)), scale: 2)
                lines.append(prefix + "NPV is 0 when \(target) = \(amount.formatted(groupingSeparator: ","))")
            }
        } else if let note = breakEven.npvNote {
            lines.append(prefix + note)
        }
        return lines
    }

    // MARK: - Scenarios

    private func showScenarios(_ scenarios: ROIScenarios, in session: Session) {
        let columns = [ResultColumn(name: "figure", type: .text)]
            + scenarios.columns.map { ResultColumn(name: $0.name, type: .decimal(scale: 2)) }
        var rows: [[Value]] = []
        for target in scenarios.targets {
            rows.append([.text("\(target)")] + scenarios.columns.map { Self.input($0.values.number(target)?.value) })
        }
        let figures = scenarios.columns.map(\.figures)
        rows.append([.text("total effect")] + figures.map { Self.money($0.totalEffect) })
        rows.append([.text("total cost")] + figures.map { Self.money($0.totalCost) })
        rows.append([.text("net effect")] + figures.map { Self.money($0.netEffect) })
        rows.append([.text("ROI %")] + figures.map { $0.roiPercent.map(Value.decimal) ?? .null })
        rows.append([.text("payback month")] + figures.map { $0.paybackMonth.map { .integer(Int64($0)) } ?? .text("none") })
        if figures.contains(where: { $0.discount != nil }) {
            rows.append([.text("NPV")] + figures.map { $0.npvMoney.map(Value.decimal) ?? .text("") })
        }
        session.show(columns: columns, rows: rows)
        session.messages.write("roi \(modelName): \(Self.count(scenarios.columns.count, "scenario")) side by side — table roi (a row each), roi_lines\n")
    }

    // MARK: - Definitions

    static func modelDefined(_ model: ROIModel, _ report: ModelDefinitionReport) -> String {
        var text = "defined model \(model.name): \(count(model.effects.count, "effect")), \(count(model.costs.count, "cost"))\n"
        text += "  as the data stands: " + summary(report.figures) + "\n"
        if report.replaced {
            text += "  it replaces the earlier model \(model.name)"
            switch report.scenarios {
            case 0: text += "\n"
            case 1: text += "; its scenario stays\n"
            default: text += "; its \(report.scenarios) scenarios stay\n"
            }
        }
        for problem in report.brokenScenarios { text += "warning: \(problem)\n" }
        return text
    }

    static func scenarioDefined(_ name: String, _ report: ScenarioDefinitionReport) -> String {
        let settings = report.overrides.map { "\($0.target) = \($0.value.formatted())" }.joined(separator: ", ")
        var text = "defined scenario \(name) of \(report.model)"
        text += settings.isEmpty ? " (the model as it is)" : ": \(settings)"
        text += "\n  " + summary(report.figures)
        if let model = report.modelFigures?.roiPercent { text += " (the model: ROI \(model.formatted(groupingSeparator: ","))%)" }
        if report.replaced { text += "\n  it replaces the earlier scenario \(name)" }
        return text
    }

    // MARK: - Cells

    private func show(_ table: ResultTable?, in session: Session) {
        guard let table else { return }
        session.show(columns: table.columns, rows: table.rows)
    }

    static func money(_ ratio: ExactRatio?) -> Value {
        ratio?.money.map(Value.decimal) ?? .text("")
    }

    static func input(_ ratio: ExactRatio?) -> Value {
        ratio?.decimal(places: 4).map(Value.decimal) ?? .text("")
    }

    static func percent(_ rate: ExactRatio) -> String {
        ((try? rate * ExactRatio(100)) ?? rate).formatted(places: 2) + "%"
    }

    static func scenario(_ name: String?) -> String { name.map { " (scenario \($0))" } ?? "" }

    static func months(_ count: Int) -> String { count == 1 ? "1 month" : "\(count) months" }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
