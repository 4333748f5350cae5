import Foundation
import SverkaEngine
import SverkaSyntax

/// `match clients` run again on what it matched last time — the same roles over the same loaded
/// tables (`DerivedResults` vouches for their content), the same manual decisions, the same
/// options — remembers its last result instead of matching again, and writes the result tables
/// from it exactly as a fresh run would. A nightly script over unchanged exports then spends
/// milliseconds here instead of normalising and scoring every name.
struct MatchReuse {
    /// Bumped whenever a change to matching would link differently on the same data, so that a
    /// result remembered by an older sverka is not reused.
    static let algorithmVersion = "1"
    static let key = "match:clients"

    let workspace: Workspace
    /// nil when an input cannot be vouched for: then nothing is reused or remembered.
    let fingerprint: String?

    init(workspace: Workspace, options: MatchOptions) throws(Diagnostic) {
        self.workspace = workspace
        var parts = [Self.algorithmVersion]
        var vouched = true
        for role in [ClientMatching.clientsRole, ClientMatching.counterpartiesRole] {
            guard let definition = workspace.catalog.schema(of: role)?.definition,
                  let table = try RoleStore(workspace: workspace).mapping(of: role)?.table,
                  let content = DerivedResults(workspace: workspace).contentFingerprint(of: table) else {
                vouched = false
                break
            }
            parts += [role, definition, content]
        }
        for decision in try ManualLinks(workspace: workspace).all() {
            parts += [decision.kind.rawValue, decision.clientID, decision.counterpartyID ?? "∅"]
        }
        // Spelled out: a Set's order differs from one process to the next.
        parts += ["\(options.threshold)", "\(options.margin)", options.methods.map(\.rawValue).sorted().joined(separator: ",")]
        fingerprint = vouched ? DerivedResults.fingerprint(parts) : nil
    }

    /// The result remembered for exactly these inputs.
    func remembered() -> MatchResult? {
        guard let fingerprint, let payload = DerivedResults(workspace: workspace).reusable(Self.key, fingerprint: fingerprint) else {
            return nil
        }
        return try? JSONDecoder().decode(MatchResult.self, from: Data(payload.utf8))
    }

    /// Remembers a fresh result; a result whose inputs cannot be vouched for forgets the last one.
    func remember(_ result: MatchResult) throws(Diagnostic) {
        let results = DerivedResults(workspace: workspace)
        guard let fingerprint, let payload = try? JSONEncoder().encode(result) else {
            try results.forget(Self.key)
            return
        }
        try results.remember(Self.key, fingerprint: fingerprint, payload: String(decoding: payload, as: UTF8.self))
    }
}
