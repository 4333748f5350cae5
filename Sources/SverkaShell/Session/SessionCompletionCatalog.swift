import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// What tab completion sees of a live session: its commands, and the workspace's tables,
/// columns and values as they are now.
final class SessionCompletionCatalog: CompletionCatalog {
    private let session: Session

    init(session: Session) {
        self.session = session
    }

    var grammar: any CommandGrammar { session.registry }

    var stepWords: [String] { LanguageHelp.steps.map(\.name).filter { !["from", "let"].contains($0) } + ["left join"] }

    var functionNames: [String] { FunctionCatalog.all.map(\.name) }

    func settingNames() -> [String] { SessionCommands.settingNames }

    func modelNames() -> [String] { ModelStore(workspace: session.workspace).names() }

    /// The workspace's tables, then the attached servers' (`wh.deals`).
    func tableNames() -> [String] {
        session.sessionTables().allNames()
    }

    func columnNames(of table: String) -> [String] {
        session.sessionTables().schema(of: table)?.columns.map(\.name) ?? []
    }

    /// The column's distinct values that start with `prefix` (ignoring case), through the same
    /// compiler as any query, so named queries complete too.
    func distinctValues(table: String, column: String, prefix: String, limit: Int) -> [String] {
        // A server's column is not offered: each Tab would be a query over the server's table.
        if session.sessionTables().schema(of: table)?.attachment != nil { return [] }
        let text = "from `\(table)` | select `\(column)` | distinct | sort `\(column)`"
        let source = SourceText(name: "completion", text: text)
        guard let script = try? Parser(grammar: session.registry).parse(source),
              case .query(let pipeline)? = script.statements.first?.kind,
              let query = try? session.compiler(for: source).compile(pipeline) else { return [] }
        var values: [String] = []
        let wanted = prefix.lowercased()
        let offerable = session.privacy.offerable(ofColumn: column)
        try? QueryRunner(database: session.workspace.database).run(query) { row in
            guard values.count < limit, let value = row.first, !value.isNull else { return }
            let text = value.description
            guard offerable(text) else { return }
            if wanted.isEmpty || text.lowercased().hasPrefix(wanted) { values.append(text) }
        }
        return values
    }
}
