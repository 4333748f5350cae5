import Foundation
import SverkaEngine
import SverkaSyntax

/// One user's work with one workspace: settings, variables, and the running of statements.
/// Results go to `output` (stdout); everything else — messages, timings, errors — to `messages`.
public final class Session {
    public let workspace: Workspace
    public let registry: CommandRegistry
    public var settings: SessionSettings
    public var variables: [String: Value] = [:]
    /// Where results go: stdout, or a buffer the interactive shell pages.
    public var output: any TextSink
    public let messages: any TextSink

    /// The source of the statement being run, for commands that quote it.
    public private(set) var currentSource: SourceText?

    public init(workspace: Workspace, settings: SessionSettings = SessionSettings(),
                output: any TextSink, messages: any TextSink, registry: CommandRegistry = .standard) {
        self.workspace = workspace
        self.settings = settings
        self.output = output
        self.messages = messages
        self.registry = registry
    }

    // MARK: - Running

    /// Parses a whole script first — a syntax error anywhere runs nothing — then runs its
    /// statements in order until one fails.
    @discardableResult
    public func run(_ source: SourceText) -> RunOutcome {
        let script: Script
        do throws(DiagnosticList) {
            script = try Parser(grammar: registry).parse(source)
        } catch {
            for diagnostic in error.diagnostics { report(diagnostic, in: source) }
            messages.flush()
            return .failed
        }
        currentSource = source
        defer { currentSource = nil }
        for statement in script.statements {
            let started = Date()
            let outcome = runStatement(statement, in: source)
            output.flush()
            if settings.timer {
                messages.write(String(format: "time: %.3f s\n", Date().timeIntervalSince(started)))
            }
            messages.flush()
            if outcome != .success { return outcome }
        }
        return .success
    }

    private func runStatement(_ statement: Statement, in source: SourceText) -> RunOutcome {
        do throws(Diagnostic) {
            switch statement.kind {
            case .query(let pipeline):
                try show(compile(pipeline, in: source))
            case .letQuery(let name, let pipeline):
                try defineQuery(name, pipeline, in: source)
            case .letValue(let name, let expression):
                let query = try compiler(for: source).compileScalar(expression, name: name.text)
                variables[name.text] = try QueryRunner(database: workspace.database).scalar(query)
            case .command(let invocation):
                guard let spec = registry.spec(named: invocation.name.text) else {
                    throw Diagnostic("unknown command '\(invocation.name.text)'", at: invocation.name.span)
                }
                if case .expectationFailed(let message) = try spec.handler(invocation, self) {
                    messages.write("expectation failed: \(message)\n")
                    return .expectationFailed
                }
            }
            return .success
        } catch {
            report(error, in: source)
            return .failed
        }
    }

    public func report(_ diagnostic: Diagnostic, in source: SourceText?) {
        messages.write(DiagnosticRenderer().render(diagnostic, in: source))
    }

    // MARK: - Queries

    public func compiler(for source: SourceText?) -> QueryCompiler {
        QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog), variables: variables, source: source)
    }

    public func compile(_ pipeline: Pipeline, in source: SourceText?) throws(Diagnostic) -> CompiledQuery {
        try compiler(for: source).compile(pipeline)
    }

    /// Runs a query and renders its rows in the session's output format.
    public func show(_ query: CompiledQuery) throws(Diagnostic) {
        var renderer = makeRenderer(settings.render, sink: output)
        renderer.begin(query.columns)
        try QueryRunner(database: workspace.database).run(query) { row in renderer.row(row) }
        renderer.finish()
    }

    /// Renders rows already in hand (raw SQL, command results).
    public func show(columns: [ResultColumn], rows: [[Value]]) {
        var renderer = makeRenderer(settings.render, sink: output)
        renderer.begin(columns)
        for row in rows { renderer.row(row) }
        renderer.finish()
    }

    private func defineQuery(_ name: Name, _ pipeline: Pipeline, in source: SourceText) throws(Diagnostic) {
        if let existing = workspace.catalog.schema(of: name.text), existing.kind == .table, existing.name == name.text {
            throw Diagnostic("'\(name.text)' is already a table", at: name.span)
                .hint("choose another name, or 'drop \(name.text)' first")
        }
        let query = try compile(pipeline, in: source)
        try workspace.catalog.saveQuery(name: name.text, definition: source.slice(pipeline.span), columns: query.columns)
        messages.write("defined \(name.text): \(query.columns.count) columns\n")
    }

    /// Evaluates an expression that reads no table, e.g. an `expect` condition.
    public func evaluate(_ expression: SverkaSyntax.Expression) throws(Diagnostic) -> Value {
        let query = try compiler(for: currentSource).compileScalar(expression)
        return try QueryRunner(database: workspace.database).scalar(query)
    }
}
