import SverkaEngine
import SverkaSyntax

/// Which system leads, for one field (`clients.email`) or a whole entity (`payments`).
public enum MasterSystem: String, Sendable, Hashable, CaseIterable {
    case crm
    case accounting

    /// `crm`, `accounting` (or `acc`, as the roles spell it).
    public init?(word: String) {
        switch word.lowercased() {
        case "crm": self = .crm
        case "accounting", "acc": self = .accounting
        default: return nil
        }
    }
}

/// One `master FIELD = SYSTEM` declaration.
public struct MasterDeclaration: Sendable, Hashable {
    public var field: String
    public var system: MasterSystem
    public var at: String
    public var user: String
}

/// The leading system per field, kept in `_sverka_masters`. A field is written `ENTITY.FIELD`
/// with the entity of a canonical role (`clients.email`, `invoices.amount`), or `ENTITY` alone
/// for all its fields; a field's own declaration wins over its entity's.
public struct MasterFields {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// `clients.email` as stored: lower case, without a `crm.`/`acc.` prefix; an error naming
    /// the entities or fields there are when it is neither.
    public static func canonical(_ written: String) throws(Diagnostic) -> String {
        var parts = written.lowercased().split(separator: ".").map(String.init)
        if parts.count == 3, parts[0] == "crm" || parts[0] == "acc" { parts.removeFirst() }
        let entities = CanonicalRole.all.map(\.entity)
        guard (1...2).contains(parts.count), let role = CanonicalRole.all.first(where: { $0.entity == parts[0] }) else {
            var error = Diagnostic("'\(written)' is not a field of the model: write ENTITY.FIELD or ENTITY")
            if let entity = parts.first, let suggestion = Suggestion.closest(to: entity, among: entities) {
                error = error.hint("did you mean '\(suggestion)'?")
            }
            return try fail(error.hint("entities: " + entities.joined(separator: ", ")))
        }
        guard parts.count == 2 else { return role.entity }
        guard role.field(parts[1]) != nil else {
            let fields = role.fields.map(\.name)
            var error = Diagnostic("\(role.entity) has no field '\(parts[1])'")
            if let suggestion = Suggestion.closest(to: parts[1], among: fields) {
                error = error.hint("did you mean '\(role.entity).\(suggestion)'?")
            }
            return try fail(error.hint("its fields: " + fields.joined(separator: ", ")))
        }
        return "\(role.entity).\(parts[1])"
    }

    private static func fail(_ error: Diagnostic) throws(Diagnostic) -> String { throw error }

    /// Records (or changes) the leading system of a field.
    public func declare(_ field: String, _ system: MasterSystem) throws(Diagnostic) -> MasterDeclaration {
        let name = try Self.canonical(field)
        let declaration = MasterDeclaration(field: name, system: system, at: ProcessIdentity.timestamp(),
                                            user: ProcessIdentity.userName)
        try workspace.database.inTransaction { () throws(Diagnostic) in
            try workspace.database.run(
                "INSERT OR REPLACE INTO _sverka_masters(field, system, declared_at, declared_by) VALUES (?, ?, ?, ?)",
                [.text(name), .text(system.rawValue), .text(declaration.at), .text(declaration.user)])
        }
        return declaration
    }

    public func all() throws(Diagnostic) -> [MasterDeclaration] {
        try workspace.database.query("SELECT field, system, declared_at, declared_by FROM _sverka_masters ORDER BY field") { row in
            MasterDeclaration(field: row.text(at: 0), system: MasterSystem(rawValue: row.text(at: 1)) ?? .crm,
                              at: row.text(at: 2), user: row.text(at: 3))
        }
    }

    /// The leading system for a value two fields hold (`clients.name` and `counterparties.name`):
    /// the first declared of the fields, then of their entities.
    func master(of fields: [String], in declarations: [MasterDeclaration]) -> MasterSystem? {
        let byField = Dictionary(declarations.map { ($0.field, $0.system) }, uniquingKeysWith: { $1 })
        for field in fields { if let system = byField[field] { return system } }
        for field in fields {
            if let entity = field.split(separator: ".").first, let system = byField[String(entity)] { return system }
        }
        return nil
    }
}
