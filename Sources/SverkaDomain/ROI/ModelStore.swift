import Foundation
import SverkaEngine
import SverkaSyntax

/// Models and their scenarios as the workspace keeps them (`_sverka_models`,
/// `_sverka_scenarios`): as the text they were written in, parsed again when used, so that
/// `models NAME` shows them as written and an error in one points into that text.
public struct ModelStore {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    private var database: SQLiteDatabase { workspace.database }

    // MARK: - Models

    /// Keeps a model's text, replacing an earlier model of that name (ignoring case). Returns
    /// whether one was replaced; its scenarios stay.
    @discardableResult
    public func save(_ model: ROIModel) throws(Diagnostic) -> Bool {
        try database.inTransaction { () throws(Diagnostic) -> Bool in
            let replaced = try storedName(model.name) != nil
            try database.run("DELETE FROM _sverka_models WHERE name = ?", [.text(model.name)])
            try database.run("INSERT INTO _sverka_models(name, definition, defined_at) VALUES (?, ?, ?)",
                             [.text(model.name), .text(model.text), .text(ProcessIdentity.timestamp())])
            return replaced
        }
    }

    /// The model a `roi` or `scenario` statement names; an unknown name is an error under it.
    public func model(_ name: Name) throws(Diagnostic) -> ROIModel {
        let rows = try database.query("SELECT name, definition FROM _sverka_models WHERE name = ?", [.text(name.text)]) { row in
            (row.text(at: 0), row.text(at: 1))
        }
        guard let (stored, text) = rows.first else { throw unknownModel(name) }
        return try Self.read(stored, text: text)
    }

    /// Every model, by name, with its text and when it was defined.
    public func all() throws(Diagnostic) -> [StoredModel] {
        try database.query("SELECT name, definition, defined_at FROM _sverka_models ORDER BY name COLLATE NOCASE") { row in
            StoredModel(name: row.text(at: 0), text: row.text(at: 1), definedAt: row.text(at: 2))
        }
    }

    /// Every model with how many effects and costs it has and its scenarios' names; a model
    /// that cannot be read again shows none.
    public func summaries() throws(Diagnostic) -> [ModelSummary] {
        var summaries: [ModelSummary] = []
        for stored in try all() {
            let model = try? Self.read(stored.name, text: stored.text)
            summaries.append(ModelSummary(stored: stored, effects: model?.effects.count ?? 0, costs: model?.costs.count ?? 0,
                                          scenarios: try scenarios(of: stored.name).map(\.name)))
        }
        return summaries
    }

    /// Model names, for completion; empty when they cannot be read.
    public func names() -> [String] {
        (try? all().map(\.name)) ?? []
    }

    /// Forgets a model and its scenarios.
    public func remove(_ name: Name) throws(Diagnostic) {
        guard let stored = try storedName(name.text) else { throw unknownModel(name) }
        try database.inTransaction { () throws(Diagnostic) in
            try database.run("DELETE FROM _sverka_scenarios WHERE model = ?", [.text(stored)])
            try database.run("DELETE FROM _sverka_models WHERE name = ?", [.text(stored)])
        }
    }

    /// The name as the model was defined, when there is one.
    func storedName(_ name: String) throws(Diagnostic) -> String? {
        guard case .text(let stored)? = try database.scalar("SELECT name FROM _sverka_models WHERE name = ?", [.text(name)]) else {
            return nil
        }
        return stored
    }

    /// Parses kept text again. It parsed when it was kept; a failure means a sverka whose
    /// language changed since, and the way out is to define the model again.
    static func read(_ name: String, text: String) throws(Diagnostic) -> ROIModel {
        let source = SourceText(name: "model \(name)", text: text)
        let script: Script
        do throws(DiagnosticList) {
            script = try Parser(grammar: NoModelCommands()).parse(source)
        } catch {
            throw unreadable(name, because: error.diagnostics.first?.message ?? "it cannot be parsed")
        }
        guard script.statements.count == 1, case .model(let definition) = script.statements[0].kind else {
            throw unreadable(name, because: "it is not one model block")
        }
        return try ROIModel(definition, source: source)
    }

    private static func unreadable(_ name: String, because reason: String) -> Diagnostic {
        Diagnostic("the model '\(name)' kept in the workspace cannot be read: \(reason)",
                   hints: ["define it again with model \(name) … end"])
    }

    func unknownModel(_ name: Name) -> Diagnostic {
        var error = Diagnostic("unknown model '\(name.text)'", at: name.span)
        if let suggestion = Suggestion.closest(to: name.text, among: names()) {
            error = error.hint("did you mean '\(suggestion)'?")
        }
        return error.hint("'models' lists the models; one is defined with a block: model NAME … end")
    }

    // MARK: - Scenarios

    /// Keeps a scenario's overrides as written (`(cost.project = 1.2M)`, or empty for the model
    /// as it is), replacing one of that name for the model but keeping its place. Returns
    /// whether one was replaced.
    @discardableResult
    public func saveScenario(_ name: String, of model: String, overrides: String) throws(Diagnostic) -> Bool {
        try database.inTransaction { () throws(Diagnostic) -> Bool in
            let existing = try database.scalar("SELECT position FROM _sverka_scenarios WHERE model = ? AND name = ?",
                                               [.text(model), .text(name)])
            if case .integer(let position)? = existing {
                try database.run("""
                    UPDATE _sverka_scenarios SET name = ?, overrides = ?, defined_at = ? WHERE model = ? AND position = ?
                    """, [.text(name), .text(overrides), .text(ProcessIdentity.timestamp()), .text(model), .integer(position)])
                return true
            }
            try database.run("""
                INSERT INTO _sverka_scenarios(model, name, position, overrides, defined_at)
                VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM _sverka_scenarios WHERE model = ?), ?, ?)
                """, [.text(model), .text(name), .text(model), .text(overrides), .text(ProcessIdentity.timestamp())])
            return false
        }
    }

    /// A model's scenarios in the order they were first defined.
    public func scenarios(of model: String) throws(Diagnostic) -> [StoredScenario] {
        try database.query(
            "SELECT name, overrides FROM _sverka_scenarios WHERE model = ? ORDER BY position", [.text(model)]
        ) { row in
            StoredScenario(model: model, name: row.text(at: 0), overrides: row.text(at: 1))
        }
    }

    /// Forgets one scenario; false when the model has none of that name.
    public func removeScenario(_ name: String, of model: String) throws(Diagnostic) -> Bool {
        let before = try scenarios(of: model).count
        try database.run("DELETE FROM _sverka_scenarios WHERE model = ? AND name = ?", [.text(model), .text(name)])
        return try scenarios(of: model).count < before
    }
}

/// A model as kept: its name, its text, when it was defined (UTC, ISO 8601).
public struct StoredModel: Sendable {
    public var name: String
    public var text: String
    public var definedAt: String
}

/// A line of `models`.
public struct ModelSummary: Sendable {
    public var stored: StoredModel
    public var effects: Int
    public var costs: Int
    public var scenarios: [String]
}

/// A scenario as kept: the overrides as written, empty for the model as it is.
public struct StoredScenario: Sendable {
    public var model: String
    public var name: String
    public var overrides: String

    /// The text its overrides' spans point into, named so that a caret under it reads well.
    public var source: SourceText { SourceText(name: "scenario \(name) of \(model)", text: overrides) }

    /// Its overrides, parsed again.
    public func items() throws(Diagnostic) -> [NamedExpression] {
        guard !overrides.isEmpty else { return [] }
        do throws(DiagnosticList) {
            return try Parser(grammar: NoModelCommands()).parseOverrides(source)
        } catch {
            throw (error.diagnostics.first ?? Diagnostic("the scenario's overrides cannot be read")).pointing(into: source)
        }
    }
}

/// A grammar with no commands: kept models and scenarios hold no commands.
struct NoModelCommands: CommandGrammar {
    func syntax(for name: String) -> CommandSyntax? { nil }
    var commandNames: [String] { [] }
}
