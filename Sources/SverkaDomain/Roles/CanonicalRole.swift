import SverkaEngine

/// One entity of the model both systems are mapped onto (DESIGN.md §7): `crm.deals`,
/// `acc.invoices`, … with its fields, which of them are required, and their types.
public struct CanonicalRole: Sendable, Hashable {
    public enum System: String, Sendable, Hashable {
        case crm, acc
    }

    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: LogicalType
        public var isRequired: Bool
        /// What personal data the field holds, if any: masked when masking is on (`PersonalData`).
        public var personalData: PersonalData?

        public init(_ name: String, _ type: LogicalType, required: Bool = false, personal: PersonalData? = nil) {
            self.name = name
            self.type = type
            self.isRequired = required
            self.personalData = personal
        }

        public var isPersonal: Bool { personalData != nil }
    }

    public var system: System
    /// The entity's name within its system: `deals`, `invoices`.
    public var entity: String
    public var fields: [Field]

    /// `crm.deals`.
    public var name: String { "\(system.rawValue).\(entity)" }

    public var requiredFields: [Field] { fields.filter(\.isRequired) }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    public static func named(_ name: String) -> CanonicalRole? {
        all.first { $0.name == name.lowercased() }
    }

    private static let money = LogicalType.decimal(scale: 2)

    public static let all: [CanonicalRole] = [
        CanonicalRole(system: .crm, entity: "clients", fields: [
            Field("id", .text, required: true), Field("name", .text, required: true, personal: .partyName),
            Field("tax_id", .text, personal: .taxID), Field("email", .text, personal: .email),
            Field("phone", .text, personal: .phone), Field("region", .text), Field("manager", .text, personal: .personName),
            Field("created_at", .date),
        ]),
        CanonicalRole(system: .crm, entity: "deals", fields: [
            Field("id", .text, required: true), Field("client_id", .text, required: true),
            Field("amount", money, required: true), Field("stage", .text, required: true), Field("currency", .text),
            Field("product", .text), Field("manager", .text, personal: .personName), Field("region", .text),
            Field("created_at", .date), Field("closed_at", .date),
        ]),
        CanonicalRole(system: .crm, entity: "activities", fields: [
            Field("id", .text), Field("client_id", .text, required: true), Field("kind", .text, required: true),
            Field("at", .datetime, required: true), Field("manager", .text, personal: .personName),
        ]),
        CanonicalRole(system: .acc, entity: "counterparties", fields: [
            Field("id", .text, required: true), Field("name", .text, required: true, personal: .partyName),
            Field("tax_id", .text, personal: .taxID),
        ]),
        CanonicalRole(system: .acc, entity: "invoices", fields: [
            Field("id", .text, required: true), Field("counterparty_id", .text, required: true),
            Field("amount", money, required: true), Field("issue_date", .date, required: true), Field("due_date", .date),
            Field("deal_id", .text), Field("number", .text), Field("currency", .text),
        ]),
        CanonicalRole(system: .acc, entity: "payments", fields: [
            Field("id", .text, required: true), Field("amount", money, required: true), Field("paid_at", .date, required: true),
            Field("invoice_id", .text), Field("counterparty_id", .text),
        ]),
        CanonicalRole(system: .acc, entity: "costs", fields: [
            Field("id", .text), Field("date", .date, required: true), Field("amount", money, required: true),
            Field("account", .text), Field("product", .text), Field("counterparty_id", .text), Field("kind", .text),
            Field("currency", .text),
        ]),
        CanonicalRole(system: .acc, entity: "rates", fields: [
            Field("date", .date, required: true), Field("currency", .text, required: true),
            Field("rate", .decimal(scale: 6), required: true),
        ]),
    ]
}
