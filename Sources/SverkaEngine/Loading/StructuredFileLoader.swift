import SverkaSyntax

/// The loaders of structured files (JSON, Excel, 1C statements): each takes the structured
/// options (`path`, `sheet`, `ndjson`); without them, the defaults.
public protocol StructuredFileLoader {
    func load(_ request: LoadRequest, structured: StructuredLoadOptions,
              into workspace: Workspace) throws(Diagnostic) -> LoadReport
}

extension StructuredFileLoader {
    public func load(_ request: LoadRequest, into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        try load(request, structured: StructuredLoadOptions(), into: workspace)
    }
}
