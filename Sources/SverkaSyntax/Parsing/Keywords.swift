/// The contextual keywords: plain identifiers that mean something only in certain places.
enum Keywords {
    /// Words that begin a step after `|` (and `left` for `left join`).
    static let stepWords = ["where", "select", "derive", "join", "left", "group", "sort", "take", "distinct", "append"]

    /// Words an expression uses as operators; they cannot name a column unless back-quoted.
    static let operatorWords: Set<String> = ["and", "or", "not", "in", "between", "is"]

    /// How the steps are listed in hints.
    static let stepList = "where, select, derive, join, left join, group, sort, take, distinct, append"
}
