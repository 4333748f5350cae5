import SverkaEngine

/// Recognises statements that carry a secret, which must never reach the history file.
///
/// Over-matching only costs a history entry, so the rules are broad: `set`/`let` of a name that
/// mentions a secret (`SecretWords`), an option written `password: …` (but not `token_env: …`,
/// which names where a secret is kept), a URL with a password in it, and `Bearer …` credentials.
/// Where a statement must be kept whatever it holds (the audit trail, the run log),
/// `SecretRedaction` blanks the secret instead.
enum SecretFilter {

    static func isSecret(_ statement: String) -> Bool {
        let lowered = statement.lowercased()
        for piece in lowered.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let words = piece.split(whereSeparator: { !isWordCharacter($0) })
            if let first = words.first, first == "set" || first == "let", words.count > 1,
               mentionsSecret(words[1]) {
                return true
            }
        }
        return hasSecretOption(lowered) || hasURLPassword(lowered) || SecretRedaction.redact(statement) != statement
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private static func mentionsSecret(_ word: Substring) -> Bool {
        SecretWords.marksSecret(word)
    }

    /// `password: "…"`, `api_token : …`.
    private static func hasSecretOption(_ text: String) -> Bool {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard isWordCharacter(characters[index]) else { index += 1; continue }
            let start = index
            while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
            let word = Substring(String(characters[start..<index]))
            var next = index
            while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
            if next < characters.count, characters[next] == ":", SecretWords.holdsSecretText(word) { return true }
        }
        return false
    }

    /// `scheme://user:password@host`.
    private static func hasURLPassword(_ text: String) -> Bool {
        var rest = Substring(text)
        while let schemeEnd = rest.range(of: "://") {
            let authority = rest[schemeEnd.upperBound...].prefix { !$0.isWhitespace && $0 != "/" && $0 != "\"" }
            if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { return true }
            rest = rest[schemeEnd.upperBound...]
        }
        return false
    }
}
