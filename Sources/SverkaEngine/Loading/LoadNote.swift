/// One decision a load made, in words. Plain notes state what anyone would assume (UTF-8,
/// commas, ISO numbers and dates); the others are worth showing when the load finishes.
struct LoadNote: Sendable, Hashable {
    var text: String
    var plain: Bool

    init(_ text: String, plain: Bool = true) {
        self.text = text
        self.plain = plain
    }

    static func notable(_ text: String) -> LoadNote { LoadNote(text, plain: false) }
}

extension Array where Element == LoadNote {
    var texts: [String] { map(\.text) }
    var highlights: [String] { filter { !$0.plain }.map(\.text) }
}
