import Foundation
import SverkaEngine
import SverkaSyntax

/// The manual decisions in `_sverka_links` (client_id, counterparty_id, decision, at): one row
/// per client and counterparty — the latest decision about the pair — plus at most one
/// "unlink from everything" row per client, whose counterparty_id is null.
public struct ManualLinks {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// `link client A to counterparty X`: replaces any earlier decision about the pair.
    public func link(client: String, to counterparty: String, at date: Date = Date()) throws(Diagnostic) {
        try workspace.database.inTransaction { () throws(Diagnostic) in
            try forget(client: client, counterparty: counterparty)
            try insert(client: client, counterparty: counterparty, decision: .link, at: date)
        }
    }

    /// `unlink client A from counterparty X`, or with no counterparty, from everything: which
    /// also withdraws the client's manual links, since "no links" is what was asked for.
    public func unlink(client: String, from counterparty: String?, at date: Date = Date()) throws(Diagnostic) {
        try workspace.database.inTransaction { () throws(Diagnostic) in
            if let counterparty {
                try forget(client: client, counterparty: counterparty)
            } else {
                try workspace.database.run("DELETE FROM _sverka_links WHERE client_id = ?", [.text(client)])
            }
            try insert(client: client, counterparty: counterparty, decision: .unlink, at: date)
        }
    }

    /// Every decision, oldest first.
    public func all() throws(Diagnostic) -> [ManualDecision] {
        try workspace.database.query(
            "SELECT client_id, counterparty_id, decision FROM _sverka_links ORDER BY at, rowid"
        ) { row in
            ManualDecision(clientID: row.text(at: 0), counterpartyID: row.isNull(at: 1) ? nil : row.text(at: 1),
                           kind: ManualDecision.Kind(rawValue: row.text(at: 2)) ?? .unlink)
        }
    }

    private func forget(client: String, counterparty: String) throws(Diagnostic) {
        try workspace.database.run("DELETE FROM _sverka_links WHERE client_id = ? AND counterparty_id = ?",
                                   [.text(client), .text(counterparty)])
    }

    private func insert(client: String, counterparty: String?, decision: ManualDecision.Kind, at date: Date) throws(Diagnostic) {
        try workspace.database.run(
            "INSERT INTO _sverka_links(client_id, counterparty_id, decision, at) VALUES (?, ?, ?, ?)",
            [.text(client), counterparty.map(StoredValue.text) ?? .null, .text(decision.rawValue), .text(Self.timestamp(date))])
    }

    /// `2026-11-30T12:34:56Z`, as the catalog writes its times.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
