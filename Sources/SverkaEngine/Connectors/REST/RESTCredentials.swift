import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What a request carries to prove who sends it. Secrets come from the environment or a private
/// file (`Secret`), never from the script, and are revealed only into the request itself.
public enum RESTCredentials: Sendable {
    case none
    /// `Authorization: Bearer …` (amoCRM, most OAuth APIs).
    case bearer(Secret)
    /// The token as a query parameter (`auth=…`, Bitrix24's OAuth).
    case queryParameter(String, Secret)
    /// The token in place of `{token}` in the URL's path: a Bitrix24 webhook's code
    /// (`/rest/1/{token}/crm.deal.list`), kept out of the script like any token.
    case inPath(Secret)
    /// `Authorization: Basic …` (1C's OData interface).
    case basic(user: RESTUserName, password: Secret)

    /// The query parameter that holds a secret, to hide in messages.
    public var hiddenParameter: String? {
        if case .queryParameter(let name, _) = self { return name }
        return nil
    }

    /// Where the credentials were read, for messages that send the user to check them:
    /// "the token in the environment variable AMO_TOKEN".
    public var whereKept: String? {
        switch self {
        case .none: return nil
        case .bearer(let token): return "the token in \(token.source)"
        case .queryParameter(let name, let token): return "the token in \(token.source) (sent as the query parameter '\(name)')"
        case .inPath(let token): return "the token in \(token.source) (put in place of {token} in the URL)"
        case .basic(let user, let password): return "\(user.whereKept) and the password in \(password.source)"
        }
    }

    /// How they travel, for the notes: "bearer token from the environment variable AMO_TOKEN".
    public var summary: String {
        switch self {
        case .none: return "none"
        case .bearer(let token): return "bearer token from \(token.source)"
        case .queryParameter(let name, let token): return "token from \(token.source) as the query parameter '\(name)'"
        case .inPath(let token): return "token from \(token.source) in place of {token} in the URL"
        case .basic(let user, let password): return "basic, \(user.whereKept), the password in \(password.source)"
        }
    }

    /// Writes the credentials into a request bound for `url`.
    func apply(to request: inout URLRequest) {
        switch self {
        case .none:
            break
        case .bearer(let token):
            request.setValue("Bearer " + token.revealedForSending(), forHTTPHeaderField: "Authorization")
        case .queryParameter(let name, let token):
            if let url = request.url {
                request.url = RESTURL.adding([RESTQueryItem(name, token.revealedForSending())], to: url)
            }
        case .inPath(let token):
            if let url = request.url {
                request.url = RESTURL.fillingToken(token.revealedForSending(), in: url)
            }
        case .basic(let user, let password):
            let pair = user.textForSending + ":" + password.revealedForSending()
            request.setValue("Basic " + Data(pair.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        }
    }

    /// A text from the server (an error's message) with every secret here replaced by `••••••`:
    /// careless servers echo the token they refused.
    func redacted(_ text: String) -> String {
        switch self {
        case .none: return text
        case .bearer(let token), .queryParameter(_, let token), .inPath(let token): return token.redacted(in: text)
        case .basic(_, let password): return password.redacted(in: text)
        }
    }
}

/// The user name of basic authentication: not a secret, so it may be written in the statement,
/// or kept with the password (`user_env: "ONEC_USER"`).
public enum RESTUserName: Sendable {
    case written(String)
    case kept(Secret)

    var textForSending: String {
        switch self {
        case .written(let name): return name
        case .kept(let secret): return secret.revealedForSending()
        }
    }

    var whereKept: String {
        switch self {
        case .written(let name): return "the user '\(name)'"
        case .kept(let secret): return "the user in \(secret.source)"
        }
    }
}
