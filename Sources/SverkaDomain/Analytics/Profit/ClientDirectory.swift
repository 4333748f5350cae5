import SverkaEngine
import SverkaSyntax

/// What the analysis needs to know of each CRM client: its name, manager and region.
struct ClientDirectory {
    struct Client {
        var name: String?
        var manager: String?
        var region: String?
    }

    private(set) var clients: [String: Client] = [:]
    /// Whether crm.clients is mapped at all.
    private(set) var isMapped = false

    subscript(id: String) -> Client? { clients[id] }

    /// Reads crm.clients; ids, managers and regions trimmed, blanks as none. A repeated id keeps
    /// its first row.
    static func read(_ stream: RoleStream) throws(Diagnostic) -> ClientDirectory {
        var directory = ClientDirectory()
        guard stream.exists("crm.clients") else { return directory }
        directory.isMapped = true
        let pipeline = "from crm.clients | select id = \(ProfitPipelines.id("id")), name, "
            + "manager = \(ProfitPipelines.id("manager")), region = \(ProfitPipelines.id("region"))"
        try stream.each(pipeline, name: "crm.clients") { row in
            guard let id = row.optionalText(at: 0), directory.clients[id] == nil else { return }
            directory.clients[id] = Client(name: row.optionalText(at: 1), manager: row.optionalText(at: 2),
                                           region: row.optionalText(at: 3))
        }
        return directory
    }

    /// The client's manager or region, for those dimensions.
    func attribute(_ dimension: ProfitDimension, of id: String?) -> String? {
        guard let id, let client = clients[id] else { return nil }
        switch dimension {
        case .manager: return client.manager
        case .region: return client.region
        case .client, .product: return nil
        }
    }
}
