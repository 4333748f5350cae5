import SverkaEngine
import SverkaSyntax

/// Which result columns hold personal data, told by their names: the canonical fields that are
/// personal (`email`, `tax_id`, `manager` …, as every role's query names them), their usual
/// synonyms in exports (`ИНН`, `телефон`, `ответственный` …), and the columns of user tables
/// that `map` bound to personal fields (`Контактное лицо` mapped as a client's manager).
///
/// Names are compared as `map` compares them (`FieldSynonyms.key`: letters and digits,
/// lowercased), after any table qualifier (`clients.email` is `email`). A column renamed by a
/// query (`select x = email`) is not known by its name; its e-mails and phones are still found
/// by their shape (`Masking.maskText`), but its tax ids and names are not.
public struct PersonalColumns: Sendable {
    private var rules: [String: MaskRule] = [:]

    /// From the canonical roles and their synonyms alone.
    public init() {
        for role in CanonicalRole.all {
            for field in role.fields {
                guard let personal = field.personalData else { continue }
                add(field.name, personal)
                for synonym in FieldSynonyms.synonyms(of: field.name, in: role) { add(synonym, personal) }
            }
        }
    }

    /// Also the source columns of the workspace's mappings.
    public init(mappings: [RoleMapping]) {
        self.init()
        for mapping in mappings {
            for assignment in mapping.assignments where assignment.origin.isColumn {
                guard let personal = assignment.field.personalData, let source = assignment.source else { continue }
                add(source, personal)
            }
        }
    }

    /// For the workspace's mappings as they are now.
    public init(workspace: Workspace) throws(Diagnostic) {
        self.init(mappings: try RoleStore(workspace: workspace).all())
    }

    /// The rule of each column, by position; nil for a column not known to be personal.
    public func rules(for columns: [ResultColumn]) -> [MaskRule?] {
        columns.map { rule(forColumn: $0.name) }
    }

    public func rule(forColumn name: String) -> MaskRule? {
        let unqualified = name.split(separator: ".").last.map(String.init) ?? name
        return rules[FieldSynonyms.key(unqualified)]
    }

    /// A name that serves two kinds keeps the stronger mask: e-mails, phones and tax ids are
    /// masked with `set mask on`, names only with `set mask names`.
    private mutating func add(_ name: String, _ personal: PersonalData) {
        let key = FieldSynonyms.key(name)
        guard !key.isEmpty else { return }
        if let existing = rules[key], Self.strength(existing) >= Self.strength(personal.maskRule) { return }
        rules[key] = personal.maskRule
    }

    private static func strength(_ rule: MaskRule) -> Int {
        switch rule {
        case .email, .phone, .taxID: return 2
        case .personName: return 1
        case .organizationName: return 0
        }
    }
}
