/// The help text of the pipeline steps, the statements and the other topics that are not
/// commands; `help` shows them beside the command registry's entries.
struct HelpTopic: Sendable {
    var name: String
    var summary: String
    var usage: String
    var details: [String] = []
    var examples: [String] = []
}

enum LanguageHelp {
    static let steps: [HelpTopic] = [
        HelpTopic(name: "from", summary: "start a pipeline from a table or named query",
                  usage: "from NAME [as ALIAS] | step | step …",
                  details: ["A pipeline's steps are separated by '|'. A line ending in '|', or a next line starting with '|', continues the statement."],
                  examples: ["from deals | take 5"]),
        HelpTopic(name: "where", summary: "keep the rows for which a condition holds",
                  usage: "where CONDITION",
                  details: ["'=' and '==' both mean equality here. Compare with and, or, not, in (…), between … and …, is null."],
                  examples: ["from deals | where stage == \"won\" and closed_at >= @2026-01-01",
                             "from deals | where region in (\"Москва\", \"Казань\")"]),
        HelpTopic(name: "select", summary: "keep exactly these columns, computed or renamed",
                  usage: "select COLUMN | NAME = EXPRESSION, …",
                  examples: ["from deals | select deal_id, amount, vat = round(amount * 20%, 2)"]),
        HelpTopic(name: "derive", summary: "add (or replace) computed columns",
                  usage: "derive NAME = EXPRESSION, …",
                  examples: ["from deals | derive days = closed_at - created_at"]),
        HelpTopic(name: "join", summary: "combine with the matching rows of another table",
                  usage: "join NAME [as ALIAS] on CONDITION | join NAME using (COLUMN, …); left join keeps unmatched rows",
                  details: ["After a join, name a column by its table when both have it: clients.id."],
                  examples: ["from deals | join clients on deals.client_id == clients.client_id",
                             "from deals | left join clients using (client_id)"]),
        HelpTopic(name: "group", summary: "one row per key, with aggregates",
                  usage: "group KEY, … (NAME = AGGREGATE, …) | group (NAME = AGGREGATE, …)",
                  details: ["Aggregates: sum, count, count_distinct, avg, min, max. Without keys, one row over all the input. A key can be computed: group month = yearmonth(closed_at) (…)."],
                  examples: ["from deals | group region (revenue = sum(amount), deals = count())",
                             "from deals | group (total = sum(amount))"]),
        HelpTopic(name: "sort", summary: "order the rows; '-' for descending",
                  usage: "sort [-]EXPRESSION, …",
                  examples: ["from deals | sort -amount, deal_id"]),
        HelpTopic(name: "take", summary: "keep the first N rows",
                  usage: "take N",
                  examples: ["from deals | sort -amount | take 10"]),
        HelpTopic(name: "distinct", summary: "drop repeated rows",
                  usage: "distinct",
                  examples: ["from deals | select region | distinct"]),
        HelpTopic(name: "append", summary: "the rows of another query after these",
                  usage: "append NAME | append (from … | …)",
                  details: ["Both sides need the same number of columns, of matching types; names come from the first."],
                  examples: ["from deals_2025 | append deals_2026"]),
        HelpTopic(name: "let", summary: "name a query (used like a table) or a value (read as $NAME)",
                  usage: "let NAME = from … | … | let NAME = EXPRESSION",
                  details: ["A named query is kept in the workspace and recomputed whenever it is used. A value lives for the session or script."],
                  examples: ["let big = from deals | where amount > 1M", "let as_of = @2026-11-30"]),
    ]

    static let language = """
    The language:
      from deals | where stage == "won" | group client_id (revenue = sum(amount)) | sort -revenue | take 10
      let big = from deals | where amount > 1M        a named query, used like a table
      let as_of = @2026-11-30                         a variable, read as $as_of
    Literals: 1_000_000  12.50  1.5k  2M  20%  "text"  @2026-11-30  true  false  null
    Names may be Cyrillic; `Сумма с НДС` quotes any name. # starts a comment.
    A statement ends at the end of a line unless a bracket or string is open, the line ends
    with '|', or the next line starts with '|'. ';' separates statements on one line.
    """
}
