import SverkaSyntax

/// The `with (…)` of `map`: which stage values mean won and lost, and what to do with values
/// that do not convert to the field's type.
public struct MappingOptions: Sendable, Hashable, Codable {
    /// What happens to a text value that is not an amount or a date.
    public enum OnError: String, Sendable, Hashable, Codable, CaseIterable {
        /// The mapping fails, listing the first such values.
        case fail
        /// They read as null; the printout says how many.
        case null
    }

    public var won: [String]
    public var lost: [String]
    public var onError: OnError
    /// Whether `won` or `lost` was given, which only a role with a stage may take.
    public var setsStages: Bool

    public init(won: [String] = StageRules.defaultWon, lost: [String] = StageRules.defaultLost,
                onError: OnError = .fail, setsStages: Bool = false) {
        self.won = won
        self.lost = lost
        self.onError = onError
        self.setsStages = setsStages
    }

    public var stages: StageRules { StageRules(won: won, lost: lost) }

    static let known = ["won", "lost", "on_error"]

    /// Reads `won: ("…", …), lost: (…), on_error: "null"`, refusing unknown options by name.
    public init(entries: [OptionEntry]) throws(Diagnostic) {
        self.init()
        for entry in entries {
            switch entry.key.text.lowercased() {
            case "won":
                won = try Self.strings(entry)
                setsStages = true
            case "lost":
                lost = try Self.strings(entry)
                setsStages = true
            case "on_error":
                guard case .expression(let expression) = entry.value, case .literal(.string(let text)) = expression.kind,
                      let value = OnError(rawValue: text.lowercased()) else {
                    throw Diagnostic("on_error takes \"fail\" or \"null\"", at: entry.key.span)
                        .hint("write on_error: \"null\" to keep values that do not convert as null")
                }
                onError = value
            default:
                var error = Diagnostic("unknown map option '\(entry.key.text)'", at: entry.key.span)
                if let suggestion = Suggestion.closest(to: entry.key.text, among: Self.known) {
                    error = error.hint("did you mean '\(suggestion)'?")
                }
                throw error.hint("map's options: won: (\"…\", …), lost: (\"…\", …), on_error: \"fail\" | \"null\"")
            }
        }
        let wonKeys = Set(won.map(StageRules.key))
        if let both = lost.first(where: { wonKeys.contains(StageRules.key($0)) }) {
            let span = entries.first { $0.key.text.lowercased() == "lost" }?.key.span
                ?? entries.first { $0.key.text.lowercased() == "won" }?.key.span
            throw Diagnostic("\"\(both)\" cannot mean both won and lost", at: span)
                .hint("the defaults: won: (\(Self.listed(StageRules.defaultWon))), lost: (\(Self.listed(StageRules.defaultLost)))")
        }
    }

    /// `("a", "b")`, or one string alone.
    private static func strings(_ entry: OptionEntry) throws(Diagnostic) -> [String] {
        let notStrings = Diagnostic("\(entry.key.text) takes stage values in quotes", at: entry.key.span)
            .hint("write \(entry.key.text): (\"Успешно реализовано\", \"closed won\")")
        let items: [OptionValue]
        switch entry.value {
        case .list(let values, _): items = values
        case .expression: items = [entry.value]
        case .options: throw notStrings
        }
        var texts: [String] = []
        for item in items {
            guard case .expression(let expression) = item, case .literal(.string(let text)) = expression.kind else {
                throw notStrings
            }
            texts.append(text)
        }
        return texts
    }

    static func listed(_ values: [String]) -> String {
        values.map(PipelineText.string).joined(separator: ", ")
    }
}
