import SverkaEngine
import SverkaSyntax

/// `set mask off|on|names`.
enum MaskSetting {
    static let help = "mask: on masks personal data in every result, export, message, the history and the run log: e-mails as i***@example.com, phones as +7 *** ***-**-12, individuals' 12-digit tax ids as **********59 (a company's 10 digits stay). names also masks persons' names — managers, individual entrepreneurs (ИП) — as И*** И. И. Columns are personal by the roles (email, phone, tax_id, manager, name and the columns mapped to them) and by their usual names; e-mails, phones and 12-digit tax ids are also found in any text. off (the default) shows everything."

    static func level(_ value: String, at span: Span) throws(Diagnostic) -> MaskLevel {
        switch value.lowercased() {
        case "on", "true", "yes": return .on
        case "off", "false", "no": return .off
        case "names": return .names
        default:
            throw Diagnostic("expected on, off or names, not '\(value)'", at: span)
                .hint("on masks e-mails, phones and individuals' tax ids; names masks persons' names too")
        }
    }
}
