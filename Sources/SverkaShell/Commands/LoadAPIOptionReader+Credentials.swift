import Foundation
import SverkaEngine
import SverkaSyntax

/// The credentials of `load api`: a token (bearer, a query parameter with `auth_param`, or in
/// place of `{token}` in the URL), or a user and password (basic), each read from where it is
/// kept through `SecretOptionReader`, so that a secret written into the statement is refused and
/// none is ever shown.
extension LoadAPIOptionReader {
    static func credentials(_ given: [String: OptionEntry], entries: [OptionEntry], tokenParameter: String?,
                            tokenInPath: Bool, vault: SecretVault, environment: [String: String]) throws(Diagnostic) -> RESTCredentials {
        let token = try SecretOptionReader.read("token", from: entries, vault: vault, environment: environment)
        let user = try userName(given, entries: entries, vault: vault, environment: environment)
        let password = try SecretOptionReader.read("password", from: entries, vault: vault, environment: environment)
        let userEntry = firstGiven(SecretOptionReader.keys(for: "user"), in: given)
        let passwordEntry = firstGiven(SecretOptionReader.keys(for: "password"), in: given)
        guard let token else {
            if tokenInPath {
                throw Diagnostic("the URL holds {token}; give token_env: \"VARIABLE\" (or token_file:, token: $NAME) for it")
                    .hint("a Bitrix24 webhook's code goes there, kept out of the script: /rest/1/{token}/crm.deal.list")
            }
            if let entry = given["auth_param"] {
                throw Diagnostic("auth_param names the query parameter a token is sent in; give token_env: too", at: entry.key.span)
            }
            switch (user, password) {
            case (let user?, let password?):
                return .basic(user: user, password: password)
            case (nil, .some):
                throw Diagnostic("a password needs a user", at: passwordEntry?.key.span)
                    .hint("give user: \"name\", or user_env: \"VARIABLE\"")
            case (.some, nil):
                throw Diagnostic("a user needs a password", at: userEntry?.key.span)
                    .hint("give password_env: \"VARIABLE\" or password_file: \"PATH\"")
            case (nil, nil):
                return .none
            }
        }
        if let other = userEntry ?? passwordEntry {
            throw Diagnostic("a token and a user with a password are two ways of signing in; give one", at: other.key.span)
        }
        if tokenInPath {
            if let entry = given["auth_param"] {
                throw Diagnostic("the token goes in place of {token} in the URL; auth_param would send it a second time",
                                 at: entry.key.span)
            }
            return .inPath(token)
        }
        if let entry = given["auth_param"] {
            let value = try WrittenOption(entry)
            guard !value.text.isEmpty, !value.text.contains(where: { "&=#? ".contains($0) }) else {
                throw Diagnostic("auth_param takes the name of a query parameter", at: value.span).hint("write auth_param: \"auth\"")
            }
            return .queryParameter(value.text, token)
        }
        return tokenParameter.map { .queryParameter($0, token) } ?? .bearer(token)
    }

    /// The user of basic authentication: a name written as it is (it is not a secret), or one
    /// kept like a secret (`user_env:`, `user_file:`, `user: $name`).
    private static func userName(_ given: [String: OptionEntry], entries: [OptionEntry], vault: SecretVault,
                                 environment: [String: String]) throws(Diagnostic) -> RESTUserName? {
        let ways = SecretOptionReader.keys(for: "user").compactMap { given[$0] }.sorted { $0.key.span.start < $1.key.span.start }
        if ways.count > 1 {
            throw Diagnostic("the user is given \(ways.count) ways", at: ways[1].key.span)
                .hint("give one of " + SecretOptionReader.keys(for: "user").joined(separator: ", "))
        }
        if let entry = given["user"], case .expression(let expression) = entry.value {
            switch expression.kind {
            case .literal(.string(let name)): return .written(name)
            case .column(let name) where name.parts.count == 1: return .written(name.last.text)
            default: break
            }
        }
        return try SecretOptionReader.read("user", from: entries, vault: vault, environment: environment).map(RESTUserName.kept)
    }

    private static func firstGiven(_ keys: [String], in given: [String: OptionEntry]) -> OptionEntry? {
        keys.compactMap { given[$0] }.min { $0.key.span.start < $1.key.span.start }
    }
}
