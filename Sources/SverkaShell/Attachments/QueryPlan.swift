import SverkaEngine

/// Where a compiled query runs: in the workspace, or entirely on one attached server.
enum QueryPlan {
    case workspace(CompiledQuery)
    case server(Attachment, CompiledQuery)

    var query: CompiledQuery {
        switch self {
        case .workspace(let query), .server(_, let query): return query
        }
    }
}
