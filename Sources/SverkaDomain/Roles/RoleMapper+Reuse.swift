import Foundation
import SverkaEngine
import SverkaSyntax

/// The checks `map` makes over every row of the table — values that do not convert, the stage
/// counts, the row count — remembered for a mapping of a table the workspace can vouch for
/// (`DerivedResults`), so that mapping it again the same way, with the table as it was, reuses
/// them: a nightly script that maps a million unchanged deals does not count their stages again.
/// The printout is the same either way.
struct MappingChecks: Codable {
    var rows: Int
    var stages: StageCounts?

    /// The fingerprint of a mapping's inputs: the role's definition (fields, conversions, stage
    /// lists), the options, and the table's content; nil when the table cannot be vouched for.
    static func fingerprint(role: String, definition: String, options: MappingOptions, table: String,
                            in workspace: Workspace) -> String? {
        let results = DerivedResults(workspace: workspace)
        guard let content = results.contentFingerprint(of: table) else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let optionsText = try? encoder.encode(options) else { return nil }
        return DerivedResults.fingerprint([role, definition, String(decoding: optionsText, as: UTF8.self), content])
    }

    /// The checks remembered for exactly these inputs.
    static func reusable(role: String, fingerprint: String?, in workspace: Workspace) -> MappingChecks? {
        guard let fingerprint, let payload = DerivedResults(workspace: workspace).reusable(key(role), fingerprint: fingerprint) else {
            return nil
        }
        return try? JSONDecoder().decode(MappingChecks.self, from: Data(payload.utf8))
    }

    /// Remembers the checks of a mapping that read no value as null (those are reported with
    /// their rows, which are not kept).
    func remember(role: String, fingerprint: String?, in workspace: Workspace) throws(Diagnostic) {
        let results = DerivedResults(workspace: workspace)
        guard let fingerprint, let payload = try? JSONEncoder().encode(self) else {
            try results.forget(Self.key(role))
            return
        }
        try results.remember(Self.key(role), fingerprint: fingerprint, payload: String(decoding: payload, as: UTF8.self))
    }

    private static func key(_ role: String) -> String { "map:" + role.lowercased() }
}
