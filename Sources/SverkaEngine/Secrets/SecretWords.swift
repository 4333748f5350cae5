/// The words that mark a name as holding a secret: `api_token`, `Password`, `db_passwd`.
public enum SecretWords {
    public static let all = ["token", "password", "passwd", "pwd", "secret", "apikey", "api_key", "credential",
                             "authorization", "private_key", "access_key"]

    /// Names that say where a secret is kept rather than hold it: `token_env`, `token_file`.
    private static let placeSuffixes = ["_env", "_file", "_path"]

    /// Whether a name (any case) holds a secret.
    public static func marksSecret(_ name: some StringProtocol) -> Bool {
        let lowered = name.lowercased()
        return all.contains { lowered.contains($0) }
    }

    /// Whether a name holds a secret's text itself, not where it is kept.
    public static func holdsSecretText(_ name: some StringProtocol) -> Bool {
        let lowered = name.lowercased()
        return marksSecret(lowered) && !placeSuffixes.contains { lowered.hasSuffix($0) }
    }
}
