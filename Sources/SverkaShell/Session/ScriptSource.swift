import Foundation
import SverkaEngine
import SverkaSyntax

/// The script `sverka run NAME` means: the file NAME, or else the workspace's library script
/// NAME — so cron needs nothing but the workspace file.
struct ScriptSource {
    var source: SourceText
    /// What the cycle check and the run record call it: the file's real path, or `script:NAME`.
    var key: String
    var displayName: String

    static func locate(_ path: String, in workspace: Workspace) throws(Diagnostic) -> ScriptSource {
        if let data = FileManager.default.contents(atPath: path) {
            return ScriptSource(source: SourceText(name: path, text: String(decoding: data, as: UTF8.self)),
                                key: (path as NSString).resolvingSymlinksInPath, displayName: path)
        }
        if FileManager.default.fileExists(atPath: path) {
            throw Diagnostic("the script '\(path)' cannot be read").hint("check its permissions")
        }
        let library = ScriptLibrary(workspace: workspace)
        if !path.contains("/"), let entry = try library.entry(named: path) {
            return ScriptSource(source: SourceText(name: "script \(entry.name)", text: entry.text),
                                key: "script:\(entry.name.lowercased())", displayName: "script \(entry.name)")
        }
        var error = Diagnostic("the script '\(path)' does not exist")
        let names = try library.all().map(\.name)
        if let close = Suggestion.closest(to: path, among: names) {
            error = error.hint("the workspace has a script '\(close)'")
        } else if workspace.path == nil, !path.contains("/"), !path.hasSuffix(".sv") {
            error = error.hint("to run a library script, name its workspace: sverka run \(path) --workspace FILE")
        }
        throw error
    }
}
