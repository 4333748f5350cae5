import SverkaEngine
import XCTest

final class SecretRedactionTests: XCTestCase {
    func testSecretsWrittenIntoStatementsAreBlanked() {
        let cases = [
            #"load rest "https://bot:s3cr3t@api.example.com/v4" with (token: "abc123")"#:
                #"load rest "https://bot:••••••@api.example.com/v4" with (token: "••••••")"#,
            #"let api_token = "xyz-987""#: #"let api_token = "••••••""#,
            "set password hunter2": "set password ••••••",
            "from deals; set api_key 'k-123'": "from deals; set api_key '••••••'",
            #"connect with (password: p@ss, user: "bot")"#: #"connect with (password: ••••••, user: "bot")"#,
            #"{"password": "x1", "user": "bot"}"#: #"{"password": "••••••", "user": "bot"}"#,
            #"header "Authorization" value "Bearer eyJhbGciOiJIUzI1NiJ9.abc""#:
                #"header "Authorization" value "Bearer ••••••""#,
            #"with (password: "a\"b", n: 1)"#: #"with (password: "••••••", n: 1)"#,
        ]
        for (statement, redacted) in cases {
            XCTAssertEqual(SecretRedaction.redact(statement), redacted, statement)
        }
    }

    func testWhereASecretIsKeptIsNotASecret() {
        for statement in [#"load rest "https://api.example.com" with (token_env: "AMO_TOKEN", token_file: "~/.t")"#,
                          #"load rest "x" with (token: $amo)"#, "secret amo from env \"AMO_TOKEN\"",
                          "from users | where token_count == 5", "from deals | where amount > 1M",
                          "derive token_length = length(token)", "https://api.example.com/path?x=1", "basic report"] {
            XCTAssertEqual(SecretRedaction.redact(statement), statement, statement)
        }
    }

    func testSecretsTheSessionReadAreBlankedAnywhere() throws {
        var vault = SecretVault()
        vault.store(try SecretSource.environment("T").read(environment: ["T": "tok-0123456789"]), as: "amo")
        XCTAssertEqual(SecretRedaction.redact("error: 401 for tok-0123456789", vault: vault), "error: 401 for ••••••")
    }
}
