import SverkaEngine

/// The dashboard as one HTML document: UTF-8, styles inline, charts as inline SVG, no scripts,
/// fonts or images from anywhere — it opens the same offline, from a mail attachment or a file
/// share. Every piece of data is escaped (`HTMLText`).
struct DashboardHTML {
    let data: DashboardData

    var document: String {
        let kpi = data.kpi
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>KPI dashboard · as of \(e(data.request.asOf.iso))</title>
            <style>\n\(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>KPI dashboard</h1>
            <p class="sub">\(e(subtitle))</p>
            </header>

            """
        html += "<section class=\"tiles\">\n"
        for measure in KPIMeasure.allCases { html += tile(measure, kpi) }
        html += "</section>\n"
        html += """
            <section class="card">
            <h2>Revenue and gross margin by month</h2>
            \(chart)
            </section>
            <div class="pair">
            \(agingSection)
            \(clientsSection)
            </div>

            """
        if !data.notes.isEmpty {
            html += "<section class=\"notes\"><h2>Notes</h2><ul>\n"
                + data.notes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></section>\n"
        }
        html += "<footer>Made by sverka: the figures of report kpi, aging and profit by client as of \(e(data.request.asOf.iso)).</footer>\n"
        return html + "</body>\n</html>\n"
    }

    private var subtitle: String {
        var parts = ["as of \(data.request.asOf.iso)"]
        if let current = data.kpi.current {
            var compared = "the month \(current.start.iso) … \(current.end.iso)"
            if let previous = data.kpi.previous { compared += " against \(previous.start.iso) … \(previous.end.iso)" }
            parts.append(compared)
        }
        if let base = data.request.baseCurrency { parts.append("amounts in \(base)") }
        return parts.joined(separator: " · ")
    }

    // MARK: - KPIs

    private func tile(_ measure: KPIMeasure, _ kpi: KPIReportResult) -> String {
        let value = kpi.current.flatMap { measure.text($0) } ?? "—"
        let previous = kpi.previous.flatMap { measure.text($0) } ?? "—"
        let change = measure.changeText(from: kpi.previous, to: kpi.current)
        let delta = measure.change(from: kpi.previous.flatMap { measure.value($0) }, to: kpi.current.flatMap { measure.value($0) })
        var tone = "flat"
        if let delta, delta != 0 { tone = (delta > 0) == measure.higherIsBetter ? "good" : "bad" }
        return """
            <div class="tile" id="kpi-\(measure.rawValue)">
            <div class="label">\(e(measure.title))</div>
            <div class="value">\(e(value))</div>
            <div class="change \(tone)">\(e(change ?? "not comparable"))<span class="previous"> · before: \(e(previous))</span></div>
            \(SVGSparkline(values: kpi.series(measure)).svg)
            </div>

            """
    }

    // MARK: - Chart

    private var chart: String {
        let periods = data.kpi.periods
        // As of a month's last day the periods are calendar months; otherwise each is named by its end.
        let calendarMonths = periods.allSatisfy { $0.start.day == 1 && $0.end == CalendarMonth($0.end).lastDay }
        let months = periods.map { period in
            RevenueMarginChart.Month(
                label: calendarMonths ? CalendarMonth(period.end).description : "to \(Self.shortDate(period.end))",
                revenue: period.revenue.doubleValue, revenueText: period.revenue.formatted(groupingSeparator: ","),
                margin: period.grossMarginPercent, marginText: period.grossMarginPercent.map { Value.format($0) + "%" })
        }
        return RevenueMarginChart(months: months).svg
    }

    // MARK: - Receivables

    private var agingSection: String {
        guard let aging = data.aging else {
            return "<section class=\"card\"><h2>Receivables</h2><p class=\"empty\">acc.invoices and acc.payments are not mapped.</p></section>"
        }
        let total = aging.total.units
        var rows = ""
        for line in aging.lines {
            let share = total > 0 ? Double(line.outstanding.units) / Double(total) * 100 : 0
            let tone = line.bucket == "current" ? "current" : "overdue"
            rows += "<tr><td>\(e(line.bucket))</td><td class=\"num\">\(line.invoices)</td>"
                + "<td class=\"num\">\(e(Self.money(line.outstanding)))</td>"
                + "<td class=\"barcell\"><div class=\"hbar \(tone)\" style=\"width: \(HTMLText.coordinate(max(0, share)))%\"></div></td></tr>\n"
        }
        let overdue = aging.overdueShare.map { " (\(Value.format(($0 * 10_000).rounded() / 100))% of the total)" } ?? ""
        return """
            <section class="card">
            <h2>Receivables by days overdue, as of \(e(aging.request.asOf.iso))</h2>
            <table class="aging">
            <thead><tr><th>bucket</th><th class="num">invoices</th><th class="num">outstanding</th><th></th></tr></thead>
            <tbody>
            \(rows)</tbody>
            <tfoot><tr><td>total</td><td class="num">\(aging.invoices)</td><td class="num">\(e(Self.money(aging.total)))</td><td></td></tr></tfoot>
            </table>
            <p class="sub">past due: \(e(Self.money(aging.overdue)))\(e(overdue))</p>
            </section>
            """
    }

    // MARK: - Clients

    private var clientsSection: String {
        let start = data.kpi.periods.first?.start.iso ?? data.request.asOf.iso
        let heading = "<h2>Top clients by margin, \(e(start)) … \(e(data.request.asOf.iso))</h2>"
        guard !data.topClients.isEmpty else {
            return "<section class=\"card\">\(heading)<p class=\"empty\">No client has revenue or costs in these months.</p></section>"
        }
        var rows = ""
        for (index, client) in data.topClients.enumerated() {
            let name = client.name ?? client.key ?? ""
            let percent = client.marginPercent.map { Value.format($0) + "%" } ?? "—"
            rows += "<tr><td class=\"num\">\(index + 1)</td><td class=\"name\">\(e(name))</td>"
                + "<td class=\"num\">\(e(Self.money(client.revenue)))</td><td class=\"num\">\(e(Self.money(client.cost)))</td>"
                + "<td class=\"num strong\">\(e(Self.money(client.margin)))</td><td class=\"num\">\(e(percent))</td></tr>\n"
        }
        let costs = data.hasCosts ? "" : "<p class=\"sub\">acc.costs is not mapped: every cost is zero.</p>"
        return """
            <section class="card">
            \(heading)
            <table class="clients">
            <thead><tr><th class="num">#</th><th>client</th><th class="num">revenue</th><th class="num">cost</th><th class="num">margin</th><th class="num">margin %</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            \(costs)
            </section>
            """
    }

    // MARK: - Pieces

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    static func money(_ amount: ExactDecimal) -> String { amount.formatted(groupingSeparator: ",") }

    /// `28.11`.
    static func shortDate(_ date: CalendarDate) -> String {
        "\(date.day < 10 ? "0" : "")\(date.day).\(date.month < 10 ? "0" : "")\(date.month)"
    }

    static let style = """
        :root { --ink: #1f2933; --muted: #6b7785; --line: #e4e8ee; --bar: #4c78a8; --margin: #e4572e;
                --good: #2e7d32; --bad: #c62828; --paper: #f6f8fb; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 28px 36px 40px; background: var(--paper); color: var(--ink);
               font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
        h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
        h2 { font-size: 16px; margin: 0 0 14px; }
        .sub { color: var(--muted); margin: 0; }
        header { margin-bottom: 22px; }
        .tiles { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 14px; margin-bottom: 18px; }
        .tile, .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; }
        .tile { padding: 14px 16px 10px; }
        .tile .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; }
        .tile .value { font-size: 25px; font-weight: 650; margin: 4px 0 2px; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .change { font-size: 13px; font-weight: 600; }
        .change.good { color: var(--good); } .change.bad { color: var(--bad); } .change.flat { color: var(--muted); }
        .change .previous { color: var(--muted); font-weight: 400; }
        .spark { display: block; width: 100%; height: 30px; margin-top: 8px; }
        .spark polyline { fill: none; stroke: var(--bar); stroke-width: 1.8; stroke-linejoin: round; }
        .spark circle { fill: var(--bar); }
        .card { padding: 18px 20px; margin-bottom: 18px; }
        .chart { width: 100%; height: auto; display: block; }
        .chart .grid { stroke: var(--line); } .chart .baseline { stroke: #9aa5b1; }
        .chart .bar { fill: var(--bar); }
        .chart .axis { fill: var(--muted); font-size: 12px; }
        .chart .value { fill: var(--ink); font-size: 11px; font-variant-numeric: tabular-nums;
                        paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        .chart .margin { fill: none; stroke: var(--margin); stroke-width: 2.5; }
        .chart .margin-dot { fill: #fff; stroke: var(--margin); stroke-width: 2; }
        .chart .margin-value { fill: var(--margin); font-size: 11px; font-weight: 600;
                               paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
        .chart .margin-axis { fill: var(--margin); }
        .pair { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 18px; }
        .pair .card { margin-bottom: 0; }
        table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th { text-align: left; color: var(--muted); font-weight: 500; font-size: 12px; border-bottom: 1px solid var(--line); padding: 6px 8px; }
        td { padding: 7px 8px; border-bottom: 1px solid var(--line); }
        tfoot td { font-weight: 650; border-bottom: none; }
        .num { text-align: right; white-space: nowrap; }
        .strong { font-weight: 650; }
        .name { max-width: 320px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .barcell { width: 34%; }
        .hbar { height: 12px; border-radius: 3px; min-width: 1px; }
        .hbar.current { background: var(--bar); } .hbar.overdue { background: var(--margin); }
        .aging + .sub { margin-top: 10px; }
        .empty { color: var(--muted); }
        .notes { margin-top: 18px; color: var(--muted); } .notes h2 { color: var(--ink); }
        footer { margin-top: 22px; color: var(--muted); font-size: 12px; }

        """
}
