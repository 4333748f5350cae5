import SverkaEngine
import SverkaSyntax

/// The journal as `journal` shows it: settled first (an apply killed half-way is finished or
/// undone), then copied to the result table `journal`.
public struct SyncLog {
    public let workspace: Workspace

    public static let tableName = JournalTable.name

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Settles interrupted applies and rewrites the table `journal`; returns the entries.
    @discardableResult
    public func refresh() throws(Diagnostic) -> [JournalEntry] {
        let journal = SyncJournal(workspace: workspace)
        try journal.recover()
        return try workspace.database.inTransaction { () throws(Diagnostic) -> [JournalEntry] in
            try journal.refreshTable()
            return try journal.entries()
        }
    }

    /// The entries, after settling interrupted applies; the table `journal` is left alone.
    public func entries() throws(Diagnostic) -> [JournalEntry] {
        let journal = SyncJournal(workspace: workspace)
        try journal.recover()
        return try journal.entries()
    }
}
