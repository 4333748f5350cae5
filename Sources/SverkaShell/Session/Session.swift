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
    /// Where results go: stdout, or a buffer the interactive shell pages. Whatever is set here
    /// is wrapped, like `messages`, so that secrets and masked data cannot be written past `privacy`.
    public var output: any TextSink {
        didSet { output = PrivateTextSink.wrapping(output, privacy: privacy, stream: .output) }
    }
    public let messages: any TextSink
    /// The secrets read and the `set mask` masking of everything shown (see Sources/SverkaShell/Privacy).
    public let privacy: SessionPrivacy

    /// The source of the statement being run, for commands that quote it.
    public private(set) var currentSource: SourceText?

    // MARK: - Unattended runs (see Sources/SverkaShell/Runs)

    /// What a failing statement means for the rest of the script: `on error continue|stop`.
    public var errorPolicy: ErrorPolicy = .stop
    /// `--dry-run`: export and `sync … apply` say what they would write instead of writing.
    public var isDryRun = false
    /// Rows loaded and items synced so far, for the run record.
    public var counters = RunCounters()
    /// Told about every statement that finishes: the run record and the `--log` file.
    public weak var observer: (any StatementObserver)?
    /// The recorded run the statements belong to, for the audit trail.
    public var runID: Int64?
    /// Set when SIGINT or SIGTERM asks a run to stop; checked between statements.
    public var stopRequest: StopRequest?
    /// The statements typed at the prompt that worked (interactive sessions only).
    public var typedHistory: TypedHistory?
    /// The script files being run, outermost first: `run "x.sv"` is relative to the innermost,
    /// and running one already on the stack is a cycle.
    var scriptStack: [String] = []
    /// Files the running statement wrote (export, sync apply), for the audit trail.
    var filesWritten: [String] = []
    /// Server tables the running statement wrote (export … to postgres), for the audit trail.
    var serverWrites: [(target: String, rows: Int)] = []
    private var statementSequence = 0
    /// Servers attached with `attach postgres … as NAME`, by name (see Sources/SverkaShell/Attachments).
    var attachments: [String: Attachment] = [:]
    /// The open PostgreSQL connections, for the interrupt handlers (another thread) to cancel.
    let serverInterrupts = ServerInterrupts()

    public init(workspace: Workspace, settings: SessionSettings = SessionSettings(),
                output: any TextSink, messages: any TextSink, registry: CommandRegistry = .standard) {
        let privacy = SessionPrivacy()
        self.privacy = privacy
        self.workspace = workspace
        self.settings = settings
        self.output = PrivateTextSink.wrapping(output, privacy: privacy, stream: .output)
        self.messages = PrivateTextSink.wrapping(messages, privacy: privacy, stream: .messages)
        self.registry = registry
        privacy.session = self
    }

    // MARK: - Running

    /// Parses a whole script first — a syntax error anywhere runs nothing — then runs its
    /// statements in order until one fails (or, under `on error continue`, to the end).
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
        return run(script)
    }

    /// Runs a parsed script's statements; `on error` set inside it ends with it.
    func run(_ script: Script) -> RunOutcome {
        let source = script.source
        let outerSource = currentSource, outerPolicy = errorPolicy
        currentSource = source
        defer { currentSource = outerSource; errorPolicy = outerPolicy }
        var failedAny = false
        for statement in script.statements {
            if let signal = stopRequest?.signal { return .interrupted(signal) }
            let started = Date()
            let (outcome, _) = runObserved(statement, in: source)
            output.flush()
            let seconds = Date().timeIntervalSince(started)
            if settings.timer {
                messages.write(String(format: "time: %.3f s\n", seconds))
            }
            messages.flush()
            if let signal = stopRequest?.signal, outcome != .success {
                return .interrupted(signal)
            }
            switch outcome {
            case .success: continue
            case .failed where errorPolicy == .continue: failedAny = true
            default: return outcome
            }
        }
        return failedAny ? .failed : .success
    }

    /// Runs one statement, audits what it changed, and tells the observer how it went.
    private func runObserved(_ statement: Statement, in source: SourceText) -> (RunOutcome, String?) {
        let started = Date()
        let isInclude = Self.isInclude(statement)
        let (outcome, error) = isInclude ? runStatement(statement, in: source) : runAudited(statement, in: source)
        if outcome == .success, typedHistory != nil, scriptStack.isEmpty {
            typedHistory?.record(statement, text: source.slice(statement.span))
        }
        guard let observer, !isInclude else { return (outcome, error) }
        statementSequence += 1
        let status: StatementReport.Status
        switch outcome {
        case .success: status = lastStatementSkipped ? .skipped : .ok
        case .failed: status = stopRequest?.signal != nil ? .interrupted : .failed
        case .expectationFailed: status = .expectationFailed
        case .interrupted: status = .interrupted
        }
        observer.statementFinished(StatementReport(
            sequence: statementSequence, sourceName: source.name, line: source.position(of: statement.span.start).line,
            text: recorded(source.slice(statement.span)), status: status,
            seconds: Date().timeIntervalSince(started), error: error.map(recorded)), session: self)
        return (outcome, error)
    }

    /// Set by a dry run's export or apply that did not write.
    var lastStatementSkipped = false

    /// Runs a statement with its row changes counted, then appends the audit entry.
    private func runAudited(_ statement: Statement, in source: SourceText) -> (RunOutcome, String?) {
        let before = (try? userTableNames()) ?? []
        filesWritten = []
        serverWrites = []
        lastStatementSkipped = false
        let (result, tally) = workspace.database.tallyingChanges { runStatement(statement, in: source) }
        guard result.0 == .success else { return result }
        var loadTarget: String?
        if case .command(let invocation) = statement.kind, case .word(let name)? = invocation.clause("as")?.value {
            loadTarget = name.text
        }
        var audit = StatementAudit(statement: recorded(source.slice(statement.span)), loadTarget: loadTarget,
                                   changes: tally.changes, tablesBefore: before,
                                   tablesAfter: (try? userTableNames()) ?? before, files: filesWritten,
                                   serverWrites: serverWrites)
        if case .command(let invocation) = statement.kind { audit.isDeclaredWrite = QueryCommands.isWrite(invocation) }
        do throws(Diagnostic) {
            try audit.record(in: workspace, runID: runID)
        } catch {
            messages.write("warning: the audit trail could not record the statement: \(error.message)\n")
        }
        return result
    }

    private func userTableNames() throws(Diagnostic) -> Set<String> {
        Set(try workspace.database.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')") { $0.text(at: 0) })
    }

    /// `run "file"` and `run NAME` run other statements, which are observed and audited themselves.
    private static func isInclude(_ statement: Statement) -> Bool {
        guard case .command(let invocation) = statement.kind, invocation.name.text.lowercased() == "run" else { return false }
        if case .word(let word)? = invocation.argument("what")?.value, word.text == "show", invocation.argument("id") != nil {
            return false
        }
        return true
    }

    /// A statement's text or an error for the run record, the log and the audit trail: secrets
    /// redacted and, with `set mask on`, personal data masked (`SessionPrivacy.scrub`).
    func recorded(_ text: String) -> String {
        privacy.scrub(text)
    }

    /// Notes a file the running statement wrote, for the audit trail.
    public func noteFileWritten(_ path: String) {
        let absolute = path.hasPrefix("/") ? path
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        filesWritten.append((absolute as NSString).standardizingPath)
    }

    /// Notes rows the running statement wrote into a server's table, for the audit trail.
    public func noteServerWrite(_ target: String, rows: Int) {
        serverWrites.append((target, rows))
    }

    /// A dry run's export or apply says what it would have written and marks the statement skipped.
    public func noteSkippedByDryRun(_ message: String) {
        lastStatementSkipped = true
        messages.write("dry run: \(message)\n")
    }

    private func runStatement(_ statement: Statement, in source: SourceText) -> (RunOutcome, String?) {
        do throws(Diagnostic) {
            switch statement.kind {
            case .query(let pipeline):
                try located(pipeline.span) { () throws(Diagnostic) in try show(plan(pipeline, in: source)) }
            case .letQuery(let name, let pipeline):
                try defineQuery(name, pipeline, in: source)
            case .letValue(let name, let expression):
                variables[name.text] = try located(expression.span) { () throws(Diagnostic) -> Value in
                    try scalar(planScalar(expression, name: name.text, in: source))
                }
            case .model(let definition):
                try ModelCommands.define(definition, in: source, session: self)
            case .command(let invocation):
                guard let spec = registry.spec(named: invocation.name.text) else {
                    throw Diagnostic("unknown command '\(invocation.name.text)'", at: invocation.name.span)
                }
                switch try spec.handler(invocation, self) {
                case .done: break
                case .expectationFailed(let message):
                    messages.write("expectation failed: \(message)\n")
                    return (.expectationFailed, message)
                case .stopped(let outcome):
                    return (outcome, nil)
                }
            }
            return (.success, nil)
        } catch {
            report(error, in: source)
            return (.failed, error.message)
        }
    }

    public func report(_ diagnostic: Diagnostic, in source: SourceText?) {
        messages.write(privacy.render(diagnostic, in: source))
    }

    // MARK: - Queries

    public func compiler(for source: SourceText?) -> QueryCompiler {
        QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog), variables: variables, source: source)
    }

    /// Compiles a pipeline into a query on the workspace. One that reads an attached server runs
    /// there now, and the query reads its result (see `workspaceQuery(for:)`); `plan` compiles
    /// without running anything.
    public func compile(_ pipeline: Pipeline, in source: SourceText?) throws(Diagnostic) -> CompiledQuery {
        try located(pipeline.span) { () throws(Diagnostic) -> CompiledQuery in try workspaceQuery(for: plan(pipeline, in: source)) }
    }

    /// Runs a query and renders its rows in the session's output format.
    public func show(_ query: CompiledQuery) throws(Diagnostic) {
        try show(QueryPlan.workspace(query))
    }

    /// Runs a plan and renders its rows, streaming from whichever engine runs it.
    func show(_ plan: QueryPlan) throws(Diagnostic) {
        var renderer = makeMaskingRenderer()
        renderer.begin(plan.query.columns)
        try run(plan) { row throws(Diagnostic) in renderer.row(row) }
        renderer.finish()
    }

    /// The single value of a one-row, one-column plan.
    private func scalar(_ plan: QueryPlan) throws(Diagnostic) -> Value {
        var result: Value = .null
        try run(plan) { row throws(Diagnostic) in result = row.first ?? .null }
        return result
    }

    /// How many rows a query gives, without fetching them (a dry run's "would write N rows").
    public func rowCount(of query: CompiledQuery) throws(Diagnostic) -> Int {
        guard case .integer(let count)? = try workspace.database.scalar("SELECT count(*) FROM (\(query.sql))", query.parameters)
        else { return 0 }
        return Int(count)
    }

    /// Renders rows already in hand (raw SQL, command results).
    public func show(columns: [ResultColumn], rows: [[Value]]) {
        var renderer = makeMaskingRenderer()
        renderer.begin(columns)
        for row in rows { renderer.row(row) }
        renderer.finish()
    }

    private func defineQuery(_ name: Name, _ pipeline: Pipeline, in source: SourceText) throws(Diagnostic) {
        if let existing = workspace.catalog.schema(of: name.text), existing.kind == .table, existing.name == name.text {
            throw Diagnostic("'\(name.text)' is already a table", at: name.span)
                .hint("choose another name, or 'drop \(name.text)' first")
        }
        let query = try plan(pipeline, in: source).query
        try workspace.catalog.saveQuery(name: name.text, definition: source.slice(pipeline.span), columns: query.columns)
        messages.write("defined \(name.text): \(query.columns.count) columns\n")
    }

    /// Evaluates an expression that reads no table, e.g. an `expect` condition.
    public func evaluate(_ expression: SverkaSyntax.Expression) throws(Diagnostic) -> Value {
        try scalar(planScalar(expression, in: currentSource))
    }
}
