/// One client of the CRM or one counterparty of accounting, as matching and dedupe read it.
public struct PartyRecord: Sendable, Hashable {
    public var id: String
    public var name: String
    public var taxID: String?
    public var email: String?
    public var phone: String?
    /// ISO date text (`yyyy-MM-dd`); the older of two duplicates is the better survivor.
    public var createdAt: String?
    /// How many of the role's fields hold a value: the fuller record is the better survivor.
    public var filledFields: Int

    public init(id: String, name: String, taxID: String? = nil, email: String? = nil, phone: String? = nil,
                createdAt: String? = nil, filledFields: Int? = nil) {
        self.id = id
        self.name = name
        self.taxID = taxID
        self.email = email
        self.phone = phone
        self.createdAt = createdAt
        self.filledFields = filledFields
            ?? [id, name, taxID ?? "", email ?? "", phone ?? "", createdAt ?? ""].filter { !$0.isEmpty }.count
    }
}

/// A record with its comparison forms worked out once.
struct PreparedParty: Sendable {
    let record: PartyRecord
    let tax: TaxIDStatus
    let name: NormalizedName
    let email: String?
    let phone: String?

    init(_ record: PartyRecord) {
        self.record = record
        tax = TaxID.check(record.taxID)
        name = NameNormalizer.analyze(record.name)
        email = ContactKeys.email(record.email)
        phone = ContactKeys.phone(record.phone)
    }

    var validTaxID: String? { tax.validDigits }

    /// False when both hold valid tax ids and they differ: then they are two legal entities,
    /// however alike their names, e-mails or phones.
    func mayBeSame(as other: PreparedParty) -> Bool {
        guard let mine = validTaxID, let theirs = other.validTaxID else { return true }
        return mine == theirs
    }
}

/// Ids compared as numbers when both are whole numbers ("9" before "10"), numbers before other
/// ids, others as text: orderings and survivor choices then read naturally for either kind.
enum IDOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        switch (Int64(a), Int64(b)) {
        case let (left?, right?):
            if left != right { return left < right }
            return a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a < b
        case (.some, .none): return true
        case (.none, .some): return false
        case (.none, .none): return a < b
        }
    }
}
