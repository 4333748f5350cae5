import SverkaSyntax

/// The statements typed in this interactive session that worked: what `history` lists and
/// `save history` turns into a script. Failed statements, `help` and the other commands that
/// only look (tables, describe, runs …) are left out: replaying them would change nothing.
public final class TypedHistory {
    public struct Entry: Sendable, Equatable {
        /// 1, 2, … as `history` shows them; `save history from K to M` uses these numbers.
        public var number: Int
        public var text: String
    }

    public private(set) var entries: [Entry] = []
    /// Statements left out because they hold a secret (a token, a password).
    public private(set) var secretsLeftOut = 0

    public init() {}

    func record(_ statement: Statement, text: String) {
        if LookingStatements.onlyLooks(statement, forHistory: true) { return }
        if SecretFilter.isSecret(text) {
            secretsLeftOut += 1
            return
        }
        entries.append(Entry(number: (entries.last?.number ?? 0) + 1, text: text))
    }

    /// The entries a `save history` asks for: all, the last `count`, or numbers `from`…`to`.
    func selection(last count: Int?, from first: Int?, to last: Int?) -> [Entry] {
        if let count { return Array(entries.suffix(max(0, count))) }
        if let first, let last { return entries.filter { $0.number >= first && $0.number <= last } }
        return entries
    }
}
