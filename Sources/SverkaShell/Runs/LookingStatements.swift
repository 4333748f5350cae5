import SverkaSyntax

/// Statements that only show something: queries, help, listings. A script made of nothing else
/// (`sverka -c 'runs'` from a monitoring check) is not recorded as a run and takes no lock, so it
/// works while the nightly run holds the workspace; and `save history` leaves them out.
enum LookingStatements {
    /// Commands that only show something, or manage the history itself.
    static let commands: Set<String> = [
        "help", "history", "save", "tables", "describe", "roles", "runs", "audit", "scripts", "script",
        "explain", "journal", "models",
    ]

    /// Whether a statement only looks. `script` saves and removes too, but in the workspace's
    /// own library, not its data; `save history` writes a file the audit trail notes.
    static func onlyLooks(_ statement: Statement, forHistory: Bool) -> Bool {
        switch statement.kind {
        case .query: return !forHistory
        case .command(let invocation):
            let name = invocation.name.text.lowercased()
            if name == "run", case .word(let word)? = invocation.argument("what")?.value, word.text == "show",
               invocation.argument("id") != nil { return true }
            if forHistory { return commands.contains(name) }
            return commands.subtracting(["save", "script"]).contains(name) || name == "print"
        default: return false
        }
    }
}
