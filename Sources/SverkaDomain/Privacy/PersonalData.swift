import SverkaEngine

/// The kinds of personal data (152-FZ, GDPR) a canonical field can hold, and how each is masked.
///
/// Clients are mostly companies, so a client's name and tax id are personal only when the
/// client is a person: an individual entrepreneur's name (`ИП Сидоров С.С.`) and twelve-digit
/// ИНН. Managers are employees, natural persons too: their names are masked with the names of
/// persons (`set mask names`), since reports by manager are what the names are there for.
public enum PersonalData: Sendable, Hashable {
    case email
    case phone
    /// A tax id: an individual's twelve digits are masked, a company's ten are not.
    case taxID
    /// The name of a person: an employee (a manager), a contact.
    case personName
    /// A company's name, which is a person's when it names an individual entrepreneur.
    case partyName

    /// How the engine masks a value of this kind.
    public var maskRule: MaskRule {
        switch self {
        case .email: return .email
        case .phone: return .phone
        case .taxID: return .taxID
        case .personName: return .personName
        case .partyName: return .organizationName(personPrefixes: Self.entrepreneurForms)
        }
    }

    /// The legal forms of individual entrepreneurs (`ИП`, `Индивидуальный предприниматель`, …),
    /// after which a party's name is a person's.
    static let entrepreneurForms: [String] = LegalForms.written.first { $0.0 == .entrepreneur }?.1 ?? []
}
