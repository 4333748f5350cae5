import SverkaEngine
import SverkaSyntax

/// Reading secrets (API tokens, passwords) from where they are kept, never from the script.
enum SecretCommands {
    static let all: [CommandSpec] = [secret, secrets]

    static let secret = CommandSpec(
        syntax: CommandSyntax(name: "secret", positionals: [Slot("name", .word(.other))],
                              clauses: [ClauseSyntax(["from", "env"], .string(.text)),
                                        ClauseSyntax(["from", "file"], .string(.path))]),
        group: .session,
        summary: "read a secret (API token, password) from an environment variable or a private file",
        usage: "secret NAME from env \"VARIABLE\" | secret NAME from file \"PATH\"",
        details: [
            "Reads a secret once and keeps it in memory under NAME, for the options of commands that send it to another system (token: $NAME). It is never shown, never written to the workspace, the history, the audit trail or the run log: wherever it would appear, •••••• stands instead; it cannot be used in a query, compared or exported.",
            "from env reads an environment variable: set it where sverka runs (export AMO_TOKEN=… in the shell; Environment= or EnvironmentFile= with mode 0600 in a systemd unit; a line in the crontab is readable by others, a file is not).",
            "from file reads a file holding the secret alone (a final line break is dropped). The file must be yours and readable by you only — chmod 600 — or it is refused, as ssh refuses a private key others can read.",
            "A secret written into a statement (token: \"abc…\") would be kept wherever statements are: connectors refuse it, error messages and records show it as ••••••, and the history file leaves such lines out.",
        ],
        examples: ["secret amo from env \"AMO_TOKEN\"", "secret bank from file \"~/.sverka/bank.token\""]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let name)? = invocation.argument("name")?.value else { return .done }
        guard VariableText.isValidName(name.text) else {
            throw Diagnostic("'\(name.text)' cannot be a secret's name", at: name.span)
                .hint("names start with a letter or _ and hold letters, digits and _")
        }
        let source: SecretSource
        let span: Span
        switch (invocation.clause("from env")?.value, invocation.clause("from file")?.value) {
        case (.string(let variable, let at)?, nil):
            (source, span) = (.environment(variable), at)
        case (nil, .string(let path, let at)?):
            (source, span) = (.file(path), at)
        case (.some, .some):
            throw Diagnostic("a secret is read from one place", at: invocation.clause("from file")?.span)
                .hint("write either from env \"VARIABLE\" or from file \"PATH\"")
        default:
            throw Diagnostic("where is the secret kept?", at: invocation.span)
                .hint("write: secret \(name.text) from env \"VARIABLE\", or secret \(name.text) from file \"PATH\"")
        }
        let value = try source.read(at: span)
        session.privacy.store(value, as: name.text)
        session.messages.write("secret \(name.text) is read from \(source); it is never shown\n")
        return .done
    }

    static let secrets = CommandSpec(
        syntax: CommandSyntax(name: "secrets"),
        group: .session,
        summary: "list the secrets read in this session (where from, never what)",
        usage: "secrets",
        examples: ["secrets"]
    ) { _, session throws(Diagnostic) in
        let vault = session.privacy.secrets
        session.show(columns: [ResultColumn(name: "name", type: .text), ResultColumn(name: "read from", type: .text)],
                     rows: vault.names.compactMap { name in vault[name].map { [.text(name), .text("\($0.source)")] } })
        return .done
    }
}
