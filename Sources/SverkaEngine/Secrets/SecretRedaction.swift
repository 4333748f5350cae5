/// Removes secrets from a statement's text (or a message quoting one) before it is stored or
/// shown: the audit trail, the run log, error messages.
///
///     SecretRedaction.redact(#"load rest "https://bot:s3cr3t@api.example.com" with (token: "abc123")"#)
///     // load rest "https://bot:••••••@api.example.com" with (token: "••••••")
///
/// What goes: the value after a name that marks a secret (`SecretWords`) and `:` or `=`
/// (quoted, or a bare word; not a `$reference` or a call such as `secret(…)`), the value of
/// `set NAME VALUE` for such a name, a password in a URL, the credentials after `Bearer` or
/// `Basic`, and the text of every secret in `vault`. Names that say where a secret is kept
/// (`token_env: "AMO_TOKEN"`) stay: they are what makes a log useful.
public enum SecretRedaction {
    public static func redact(_ text: String, vault: SecretVault = SecretVault()) -> String {
        edits(in: text, vault: vault).applied(to: text)
    }

    /// What `redact` changes in the text, where positions in it still matter (a diagnostic's caret).
    public static func edits(in text: String, vault: SecretVault = SecretVault()) -> TextEdits {
        let known = vault.edits(in: text)
        guard mayHoldSecret(text) else { return known }
        let characters = Array(text)
        let ranges = keyedValues(characters) + setValues(characters) + urlPasswords(characters) + schemeCredentials(characters)
        return known.merged(with: TextEdits.fromCharacterRanges(ranges.map { ($0, Secret.shown) }, in: characters))
    }

    private static func mayHoldSecret(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("://") || lowered.contains("bearer") || lowered.contains("basic")
            || SecretWords.all.contains { lowered.contains($0) }
    }

    private static func isWord(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    // MARK: - `name: value`, `name = value`, `set name value`

    private static func keyedValues(_ characters: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            guard isWord(characters[index]) else { index += 1; continue }
            let start = index
            while index < characters.count, isWord(characters[index]) { index += 1 }
            guard SecretWords.holdsSecretText(String(characters[start..<index])) else { continue }
            var next = index
            // `"password": "…"` in JSON-like text.
            if next < characters.count, characters[next] == "\"" || characters[next] == "'" { next += 1 }
            next = skipSpaces(characters, from: next)
            guard next < characters.count, characters[next] == ":" || characters[next] == "=" else { continue }
            if characters[next] == "=", next + 1 < characters.count, characters[next + 1] == "=" { continue }
            if let value = value(characters, from: skipSpaces(characters, from: next + 1)) {
                ranges.append(value)
                index = value.upperBound
            }
        }
        return ranges
    }

    /// `set api_token abc123`: at the start of the text or of a statement after `;` or a line break.
    private static func setValues(_ characters: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var statementStart = 0
        for index in 0...characters.count where index == characters.count || characters[index] == ";" || characters[index].isNewline {
            var position = skipSpaces(characters, from: statementStart)
            statementStart = index + 1
            guard position + 3 < index, String(characters[position..<(position + 3)]).lowercased() == "set",
                  characters[position + 3] == " " || characters[position + 3] == "\t" else { continue }
            position = skipSpaces(characters, from: position + 3)
            let nameStart = position
            while position < index, isWord(characters[position]) { position += 1 }
            guard position > nameStart, SecretWords.holdsSecretText(String(characters[nameStart..<position])),
                  let value = value(characters, from: skipSpaces(characters, from: position)) else { continue }
            ranges.append(value)
        }
        return ranges
    }

    /// The secret part of the value starting at `start`: a quoted string's inside, or a bare
    /// word. Nothing for a `$reference`, a call (`secret(…)`) or no value at all.
    private static func value(_ characters: [Character], from start: Int) -> Range<Int>? {
        guard start < characters.count else { return nil }
        let first = characters[start]
        if first == "\"" || first == "'" {
            var end = start + 1
            while end < characters.count, characters[end] != first, !characters[end].isNewline {
                end += characters[end] == "\\" ? 2 : 1
            }
            end = min(end, characters.count)
            return end > start + 1 ? (start + 1)..<end : nil
        }
        guard first != "$", first != "(" else { return nil }
        var end = start
        while end < characters.count, !characters[end].isWhitespace, !",;)]}\"'(".contains(characters[end]) { end += 1 }
        guard end > start, end == characters.count || characters[end] != "(" else { return nil }
        return start..<end
    }

    private static func skipSpaces(_ characters: [Character], from start: Int) -> Int {
        var index = start
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        return index
    }

    // MARK: - URLs and authorization headers

    /// The password of `scheme://user:password@host`.
    private static func urlPasswords(_ characters: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 2 < characters.count {
            guard characters[index] == ":", characters[index + 1] == "/", characters[index + 2] == "/" else { index += 1; continue }
            let authorityStart = index + 3
            var end = authorityStart
            while end < characters.count, !characters[end].isWhitespace, !"/\"'?#".contains(characters[end]) { end += 1 }
            let authority = characters[authorityStart..<end]
            if let at = authority.lastIndex(of: "@"), let colon = characters[authorityStart..<at].firstIndex(of: ":"), colon + 1 < at {
                ranges.append((colon + 1)..<at)
            }
            index = end
        }
        return ranges
    }

    /// What follows `Bearer ` or `Basic ` (eight characters or more, so prose is left alone).
    private static func schemeCredentials(_ characters: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            guard isWord(characters[index]) else { index += 1; continue }
            let start = index
            while index < characters.count, isWord(characters[index]) { index += 1 }
            let word = String(characters[start..<index]).lowercased()
            guard word == "bearer" || word == "basic", index < characters.count, characters[index] == " " else { continue }
            let valueStart = skipSpaces(characters, from: index)
            var end = valueStart
            while end < characters.count, !characters[end].isWhitespace, !",;)\"'".contains(characters[end]) { end += 1 }
            if end - valueStart >= 8 {
                ranges.append(valueStart..<end)
                index = end
            }
        }
        return ranges
    }
}
