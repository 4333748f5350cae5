import SverkaSyntax

/// A table whose last load could be the same as this one: loaded from a file with the same
/// options, and still there. The load is skipped when the file's hash matches too.
struct UnchangedCandidate {
    var name: String
    var source: SourceRecord
    var columns: [ResultColumn]
}

extension CSVLoader {
    func unchangedCandidate(_ request: LoadRequest, workspace: Workspace) throws(Diagnostic) -> UnchangedCandidate? {
        let catalog = workspace.catalog
        guard let schema = catalog.schema(of: request.table), schema.kind == .table,
              schema.name.lowercased() == request.table.lowercased(),
              let source = catalog.source(of: schema.name), source.options == request.options.canonicalText else { return nil }
        // The catalog may outlive a table dropped with raw SQL.
        let exists = try workspace.database.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                   [.text(schema.name)]) != nil
        return exists ? UnchangedCandidate(name: schema.name, source: source, columns: schema.columns) : nil
    }
}
