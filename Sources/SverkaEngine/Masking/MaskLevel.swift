/// How much personal data is hidden: `set mask off|on|names`, `export … with (mask: …)`.
public enum MaskLevel: String, Sendable, CaseIterable {
    /// Everything is shown as it is.
    case off
    /// E-mail addresses, phone numbers and individuals' tax ids are masked.
    case on
    /// As `on`, and the names of persons too.
    case names

    public var isOn: Bool { self != .off }

    /// What is masked, for messages: `e-mails, phones and individuals' tax ids`.
    public var coverage: String {
        switch self {
        case .off: return "nothing"
        case .on: return "e-mails, phones and individuals' tax ids"
        case .names: return "e-mails, phones, individuals' tax ids and names of persons"
        }
    }
}
