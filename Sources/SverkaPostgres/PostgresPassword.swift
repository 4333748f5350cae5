import Foundation
import SverkaSyntax

/// Finds the password for an address the way libpq does, so that one `~/.pgpass` serves psql
/// and sverka alike: PGPASSWORD, else the password file (PGPASSFILE, else `~/.pgpass`).
public enum PostgresPassword {
    /// The password, or nil when none is set: the server may not ask for one (trust, peer).
    ///
    /// A password file that others can read is refused with a message, where libpq only skips
    /// it with a warning few people see: a script that worked yesterday should not start
    /// failing authentication without saying why.
    public static func find(for address: PostgresAddress, environment: [String: String],
                            homeDirectory: String) throws(Diagnostic) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path: String
        if let file = environment["PGPASSFILE"], !file.isEmpty {
            path = file
        } else {
            path = (homeDirectory.hasSuffix("/") ? homeDirectory : homeDirectory + "/") + ".pgpass"
        }
        guard let file = try PasswordFile(readingIfPresent: path) else { return nil }
        // libpq looks up a socket connection as `localhost`.
        let host = address.isUnixSocket ? "localhost" : address.host
        return file.password(host: host, port: String(address.port), database: address.database, user: address.user)
    }
}
