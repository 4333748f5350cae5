import Foundation
import SverkaSyntax

/// The URLs of a JSON API: checking the one the user wrote, adding query parameters, resolving
/// next links, and showing them in messages without a secret.
public enum RESTURL {
    /// The URL as written, percent-encoded where it holds spaces or Cyrillic (`Catalog_Контрагенты`).
    /// Only http and https are read; a user name or password inside the URL is refused, since the
    /// statement's text goes to the history, the audit trail and the run log.
    public static func parse(_ text: String, at span: Span?) throws(Diagnostic) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw Diagnostic("'\(text)' is not a URL", at: span)
                .hint("write the whole address: load api \"https://example.amocrm.ru/api/v4/leads\" as leads")
        }
        guard scheme == "http" || scheme == "https" else {
            throw Diagnostic("load api reads http:// and https:// URLs, not \(scheme)://", at: span)
                .hint("to load a file, leave 'api' out: load \"PATH\" as NAME")
        }
        guard let host = components.host, !host.isEmpty else {
            throw Diagnostic("the URL '\(text)' names no server", at: span).hint("write it as https://server/path")
        }
        guard components.user == nil, components.password == nil else {
            throw Diagnostic("a user name or password written into the URL would be kept in the history, the audit trail and the run log",
                             at: span)
                .hint("take it out of the URL and give user_env: \"VARIABLE\" and password_env: \"VARIABLE\"")
        }
        var cleaned = components
        cleaned.scheme = scheme
        cleaned.fragment = nil
        guard let url = cleaned.url else { throw Diagnostic("'\(text)' is not a URL", at: span) }
        return url
    }

    /// `url` with `items` added to its query, each replacing a parameter of the same name.
    public static func adding(_ items: [RESTQueryItem], to url: URL) -> URL {
        guard !items.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        let replaced = Set(items.map(\.name))
        var pairs = (components.percentEncodedQuery ?? "").split(separator: "&").map(String.init).filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? pair
            return !replaced.contains(name.removingPercentEncoding ?? name)
        }
        pairs += items.map { encode($0.name) + "=" + encode($0.value) }
        components.percentEncodedQuery = pairs.joined(separator: "&")
        return components.url ?? url
    }

    /// The characters a query name or value keeps as they are: RFC 3986's unreserved ones and
    /// the sub-delimiters servers read literally (`$top` stays `$top`), but not `&`, `=`, `+`,
    /// `#` or `?`, which would change the query's meaning.
    private static let queryAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~$!'()*,;:@/")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? text
    }

    /// Where a token goes in a URL's path, as written: `/rest/1/{token}/crm.deal.list`.
    public static let tokenPlaceholder = "{token}"

    /// Whether the URL as written holds `{token}`.
    public static func hasTokenPlaceholder(_ url: URL) -> Bool {
        url.absoluteString.contains(encodedPlaceholder)
    }

    /// `{token}` as URLComponents writes it in a path.
    private static let encodedPlaceholder = "%7Btoken%7D"

    /// `url` with its `{token}` replaced by `value`, percent-encoded for a path segment.
    static func fillingToken(_ value: String, in url: URL) -> URL {
        let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? value
        return URL(string: url.absoluteString.replacingOccurrences(of: encodedPlaceholder, with: encoded)) ?? url
    }

    /// A link from a page (`_links.next.href`), which may be relative to the page's URL.
    static func resolve(_ link: String, against page: URL) -> URL? {
        let trimmed = link.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let absolute = URLComponents(string: trimmed), absolute.scheme != nil { return absolute.url }
        return URL(string: trimmed, relativeTo: page)?.absoluteURL
    }

    /// Scheme, host and port: a next link or redirect to another origin must not get the credentials.
    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    /// Whether the server is this machine: plain http to it sends nothing over a network.
    static func isLoopback(_ url: URL) -> Bool {
        guard let host = url.host?.lowercased() else { return false }
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The URL for messages: percent-encoding undone where it hides readable text, and the value
    /// of `hiddenParameter` (a token sent as a query parameter) shown as `••••••`.
    public static func display(_ url: URL, hiding hiddenParameter: String? = nil) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url.absoluteString }
        var text = (components.scheme ?? "http") + "://" + (components.host ?? "")
        if let port = components.port { text += ":\(port)" }
        text += decoded(components.percentEncodedPath)
        guard let query = components.percentEncodedQuery else { return text }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = decoded(parts[0])
            guard parts.count == 2 else { return name }
            return name + "=" + (name == hiddenParameter ? Secret.shown : decoded(parts[1]))
        }
        return text + "?" + pairs.joined(separator: "&")
    }

    private static func decoded(_ text: String) -> String { text.removingPercentEncoding ?? text }
}
