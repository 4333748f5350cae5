import SverkaEngine
import SverkaSyntax

/// The tables a pipeline can name in this session: the workspace's, and each attached server's
/// as `NAME.table`. It notes where the tables it handed out live, so that the planner can tell
/// which engine must run the query.
final class SessionTables: TableResolver {
    let workspace: WorkspaceTables
    let attachments: [String: Attachment]
    /// Whether a workspace table (not a named query, which is only a definition) was named.
    private(set) var readsWorkspace = false
    /// The attachments whose tables were named, in the order first named.
    private(set) var attachmentsRead: [String] = []

    init(workspace: WorkspaceTables, attachments: [String: Attachment]) {
        self.workspace = workspace
        self.attachments = attachments
    }

    func schema(of name: String) -> TableSchema? {
        if let (attachment, table) = Attachment.owning(name, in: attachments) {
            guard let schema = attachment.catalog.schema(of: table) else { return nil }
            if !attachmentsRead.contains(attachment.name) { attachmentsRead.append(attachment.name) }
            return schema
        }
        let schema = workspace.schema(of: name)
        if schema?.kind == .table { readsWorkspace = true }
        return schema
    }

    func allNames() -> [String] {
        workspace.allNames() + attachments.values.flatMap { attachment in
            attachment.catalog.tableNames.map { "\(attachment.name).\($0)" }
        }
    }

    func pipeline(ofQuery name: String) throws(Diagnostic) -> (Pipeline, SourceText)? {
        try workspace.pipeline(ofQuery: name)
    }
}
