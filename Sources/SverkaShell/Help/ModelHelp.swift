/// The help of the `model NAME … end` block, which is a statement of its own rather than a
/// command, so it is not in the registry.
enum ModelHelp {
    static let topic = HelpTopic(
        name: "model", summary: "define an ROI model: effects, costs, horizon, discount (a block ending with end)",
        usage: """
        model NAME
              gain|saving NAME from A to B [worth W] [per month]
              cost NAME AMOUNT [per month|per year]
              horizon N [months|years]
              discount RATE
            end
        """,
        details: [
            "A block of lines between 'model NAME' (on a line of its own) and 'end'; at the prompt the lines are gathered under the continuation prompt until 'end'. ';' may separate the lines too: model m; gain sales from 10M to 10.5M; cost project 900k; end.",
            "gain NAME from A to B: a KPI the integration raises; the effect is (B − A) × worth. saving NAME from A to B: one it lowers (hours, errors); the effect is (A − B) × worth. worth W is what one unit is worth in money (1 when absent). A and B are a year's values unless 'per month'.",
            "cost NAME AMOUNT: one-off, paid at the start, unless 'per month' or 'per year' (spread evenly over the months). horizon: how long the model runs, 12 months unless given, in months or years. discount: a yearly rate (12% or 0.12) at which NPV is computed; without it there is no NPV.",
            "Any number may be an expression: 1.5M, 12%, $hours * 12, rows(mismatches), coalesce($x, 0), or a query in parentheses whose one value is the number, (from orders | group (h = sum(hours))). They are read each time the model runs (roi), so the model follows the data — and a $variable must exist then (let it earlier in the script or session); defining the model runs it once, so a mistake shows at once.",
            "The model is kept in the workspace as written ('models NAME' prints it); defining a model again replaces it and keeps its scenarios. Run it with roi; what-if with roi NAME with (cost.project = 1.2M); sensitivity with vary; scenarios with 'scenario'.",
        ],
        examples: ["model integration", "  gain   sales        from 10M to 10.5M", "  saving order_hours  from 400 to 150 worth 1200",
                   "  saving data_errors  from rows(mismatches) to 20 worth 3000", "  cost   project      900k",
                   "  cost   licenses     15k per month", "  horizon 12 months", "  discount 12%", "end", "roi integration"])
}
