/// How one column's values are written in the file, as the first pass found (or the options
/// said): what the converter needs to turn each field into its stored value.
struct FieldFormat: Sendable {
    var type: LogicalType
    /// The decimal separator of numbers.
    var decimal: UInt8 = UInt8(ascii: ".")
    var thousands: ThousandsRule = ThousandsRule.allowed(decimal: UInt8(ascii: "."), option: nil)
    var dateFamily: LocaleDate.Family = .iso
    /// Slashed dates: `MM/dd/yyyy` rather than `dd/MM/yyyy`.
    var monthFirst = false
    /// Keep every field as written, formula guards included: an append into a text column
    /// whose file column is not text.
    var verbatim = false

    init(type: LogicalType) {
        self.type = type
    }

    /// ISO values need no more than the foundation's strict converter.
    var isPlain: Bool { decimal == UInt8(ascii: ".") && dateFamily == .iso }

    /// An example of the form a value must have, for messages.
    var exampleText: String {
        switch type {
        case .decimal(let scale) where decimal == UInt8(ascii: ","):
            guard scale > 0 else { return "a whole number like 1 234" }
            return "a number like 1 234,\(String(repeating: "5", count: scale)) (a decimal comma)"
        case .date where dateFamily != .iso: return "a date like \(sampleDate)"
        case .datetime where dateFamily != .iso: return "a date and time like \(sampleDate) 14:05:00"
        default: return type.exampleText
        }
    }

    private var sampleDate: String {
        switch dateFamily {
        case .iso: return "2026-11-30"
        case .dotted: return "30.11.2026 (dd.MM.yyyy)"
        case .slashed: return monthFirst ? "11/30/2026 (MM/dd/yyyy)" : "30/11/2026 (dd/MM/yyyy)"
        }
    }
}
