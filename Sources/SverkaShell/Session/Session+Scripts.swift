import Foundation
import SverkaEngine
import SverkaSyntax

/// Running whole scripts: the one the command line names, and the ones `run` includes.
extension Session {
    /// Runs a script file or library script as the outermost one, so that it including itself
    /// is found as a cycle.
    public func runScript(_ source: SourceText, key: String) -> RunOutcome {
        scriptStack.append(key)
        defer { scriptStack.removeLast() }
        return run(source)
    }

    /// The same for a script the caller has parsed already.
    func runScript(_ script: Script, key: String) -> RunOutcome {
        scriptStack.append(key)
        defer { scriptStack.removeLast() }
        return run(script)
    }

    /// `run "other.sv"`: a path is taken beside the including script first, then from the
    /// current folder; the whole file is parsed before any of it runs.
    func include(path: String, span: Span) throws(Diagnostic) -> RunOutcome {
        let resolved = includedPath(path)
        guard let data = FileManager.default.contents(atPath: resolved) else {
            let reason = FileManager.default.fileExists(atPath: resolved) ? "cannot be read" : "does not exist"
            throw Diagnostic("the script '\(path)' \(reason)", at: span)
                .hint("a path is taken beside the including script first, then from the current folder")
        }
        let key = (resolved as NSString).resolvingSymlinksInPath
        return try runNested(SourceText(name: resolved, text: String(decoding: data, as: UTF8.self)), key: key, span: span)
    }

    /// `run NAME`: a script of the workspace's library.
    func includeLibraryScript(_ name: String, span: Span) throws(Diagnostic) -> RunOutcome {
        guard let entry = try ScriptLibrary(workspace: workspace).entry(named: name) else {
            throw Self.unknownScript(name, span: span, known: (try? ScriptLibrary(workspace: workspace).all().map(\.name)) ?? [])
        }
        return try runNested(SourceText(name: "script \(entry.name)", text: entry.text), key: "script:\(entry.name.lowercased())", span: span)
    }

    private func runNested(_ source: SourceText, key: String, span: Span) throws(Diagnostic) -> RunOutcome {
        if let start = scriptStack.firstIndex(of: key) {
            let chain = (scriptStack[start...] + [key]).map(Self.displayName).joined(separator: " → ")
            throw Diagnostic("this would run a script inside itself: \(chain)", at: span)
                .hint("an included script must not include (directly or not) the one that includes it")
        }
        guard scriptStack.count < 64 else {
            throw Diagnostic("scripts are included more than 64 deep", at: span)
        }
        scriptStack.append(key)
        defer { scriptStack.removeLast() }
        return run(source)
    }

    private func includedPath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/"), let including = currentSource?.name,
              FileManager.default.fileExists(atPath: including) else { return expanded }
        let beside = ((including as NSString).deletingLastPathComponent as NSString).appendingPathComponent(expanded)
        return FileManager.default.fileExists(atPath: beside) ? beside : expanded
    }

    private static func displayName(_ key: String) -> String {
        key.hasPrefix("script:") ? String(key.dropFirst("script:".count)) : (key as NSString).lastPathComponent
    }

    static func unknownScript(_ name: String, span: Span?, known: [String]) -> Diagnostic {
        var diagnostic = Diagnostic("there is no script '\(name)' in this workspace")
        diagnostic.span = span
        if let close = Suggestion.closest(to: name, among: known) {
            return diagnostic.hint("did you mean '\(close)'?")
        }
        return diagnostic.hint(known.isEmpty ? "save one with: script save NAME from \"FILE.sv\"" : "'scripts' lists them")
    }
}
