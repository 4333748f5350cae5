import SverkaEngine

/// Pieces of SQL that the reconciliation and sync statements share, spelled through the
/// dialect. Only constants written here (kind names, fixed notes) appear as literals; every
/// value that comes from data or from the user is a column or a bound parameter.
struct DomainSQL {
    let dialect: any SQLDialect

    func quote(_ name: String) -> String { dialect.quoteIdentifier(name) }

    /// A column of a table alias: `d."amount"`.
    func column(_ alias: String, _ name: String) -> String { "\(alias).\(quote(name))" }

    /// Money (integer minor units) as text with two places, for notes.
    func money(_ units: String) -> String { dialect.decimalToText(units, scale: 2) }

    func concat(_ parts: [String]) -> String { dialect.concat(parts) }

    /// A constant of the code as an SQL string literal.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Orders ids as people read them: numbers by value ("9" before "10"), then text.
    func naturalOrder(_ column: String) -> String { "length(\(column)), \(column)" }
}
