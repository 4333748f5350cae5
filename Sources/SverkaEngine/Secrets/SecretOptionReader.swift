import Foundation
import SverkaSyntax

/// Reads the secret a connector needs from its `with (…)` options, one of three ways:
///
///     with (token_env: "AMO_TOKEN")            # an environment variable
///     with (token_file: "~/.sverka/amo")       # a file only its owner can read (0600)
///     with (token: $amo)                       # a secret read before: secret amo from env "AMO_TOKEN"
///
/// A secret written into the statement (`token: "abc123"`) is refused: the statement's text is
/// kept in the history, the audit trail and the run log.
public enum SecretOptionReader {
    /// The option keys a secret called `name` may be given under: `token`, `token_env`, `token_file`.
    public static func keys(for name: String) -> [String] {
        [name, name + "_env", name + "_file"]
    }

    /// The secret `name` from `entries`, or nil when none of its keys is given.
    public static func read(_ name: String, from entries: [OptionEntry], vault: SecretVault,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(Diagnostic) -> Secret? {
        let given = entries.filter { keys(for: name).contains($0.key.text) }
        guard let entry = given.first else { return nil }
        if given.count > 1 {
            throw Diagnostic("the \(name) is given \(given.count) ways", at: given[1].key.span)
                .hint("give one of " + keys(for: name).joined(separator: ", "))
        }
        guard case .expression(let expression) = entry.value else {
            throw Diagnostic("'\(entry.key.text)' takes a single value", at: entry.key.span)
        }
        switch (entry.key.text, expression.kind) {
        case (name + "_env", .literal(.string(let variable))):
            return try SecretSource.environment(variable).read(environment: environment, at: expression.span)
        case (name + "_file", .literal(.string(let path))):
            return try SecretSource.file(path).read(at: expression.span)
        case (name, .variable(let reference)):
            guard let secret = vault[reference.text] else {
                throw Diagnostic("no secret is called $\(reference.text)", at: expression.span)
                    .hint("read it first: secret \(reference.text) from env \"VARIABLE\", or from file \"PATH\"")
            }
            return secret
        case (name, _):
            // The span only: the diagnostic quotes the line, and the session redacts it there.
            throw Diagnostic("a \(name) written into the statement would be kept in the history, the audit trail and the run log",
                             at: expression.span)
                .hint("\(name)_env: \"VARIABLE\" reads it from the environment, \(name)_file: \"PATH\" from a file only you can read (chmod 600)")
                .hint("or read it once with 'secret NAME from env \"VARIABLE\"' and write \(name): $NAME")
        default:
            throw Diagnostic("'\(entry.key.text)' takes a quoted \(entry.key.text.hasSuffix("_env") ? "variable name" : "path")",
                             at: expression.span)
        }
    }
}
