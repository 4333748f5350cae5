import SverkaSyntax

/// The compiler's view of a workspace's catalog: table schemas, and the parsed pipelines of
/// the named queries (`let big = from deals | …`) stored there as text.
public struct WorkspaceTables: TableResolver {
    let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    public func schema(of name: String) -> TableSchema? { catalog.schema(of: name) }

    public func allNames() -> [String] { catalog.allSchemas().map(\.name) }

    public func pipeline(ofQuery name: String) throws(Diagnostic) -> (Pipeline, SourceText)? {
        guard let schema = catalog.schema(of: name), schema.kind == .query, let definition = schema.definition else {
            return nil
        }
        let source = SourceText(name: "query \(name)", text: definition)
        let script: Script
        do {
            script = try Parser(grammar: NoCommands()).parse(source)
        } catch {
            throw error.diagnostics.first ?? Diagnostic("the named query '\(name)' cannot be read")
        }
        guard script.statements.count == 1, case .query(let pipeline) = script.statements[0].kind else {
            throw Diagnostic("the named query '\(name)' is not a single pipeline")
        }
        return (pipeline, source)
    }
}

/// A grammar with no commands: named query definitions are pipelines only.
struct NoCommands: CommandGrammar {
    func syntax(for name: String) -> CommandSyntax? { nil }
    var commandNames: [String] { [] }
}
