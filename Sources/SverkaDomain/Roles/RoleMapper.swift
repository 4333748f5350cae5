import SverkaEngine
import SverkaSyntax

/// `map TABLE as ROLE`: binds a loaded table (or named query) to a canonical role. The role
/// becomes a named query in the catalog, called like the role (`crm.deals`), that selects the
/// canonical fields with canonical names and types; the mapping itself is stored beside it.
/// Mapping a role again replaces both, in one transaction.
public struct RoleMapper {
    let workspace: Workspace
    let runner: PipelineRunner

    public init(workspace: Workspace, variables: [String: Value] = [:]) {
        self.workspace = workspace
        self.runner = PipelineRunner(workspace: workspace, variables: variables)
    }

    public func map(_ request: MappingRequest) throws(Diagnostic) -> MappingReport {
        let role = try Self.role(named: request.role)
        if request.options.setsStages, role.field("stage") == nil {
            throw Diagnostic("won and lost name stage values, and \(role.name) has no stage", at: request.role.span)
                .hint("they belong to: map TABLE as crm.deals with (won: (…), lost: (…))")
        }
        let schema = try source(request.table, for: role)
        let named = try FieldProbe(role: role, schema: schema, request: request, compiler: runner.compiler(source: request.source))
            .assignments()
        let assignments = ColumnMatcher(role: role, table: schema.name, columns: schema.columns).assign(named: named)
        try checkRequired(assignments, role: role, schema: schema, request: request)
        let mapping = RoleMapping(role: role, table: schema.name, assignments: assignments, options: request.options)
        let definition = try RoleDefinition(role: role, table: schema.name, assignments: assignments,
                                            stages: request.options.stages).text()
        let query: CompiledQuery
        do throws(Diagnostic) {
            query = try runner.compile(definition, name: role.name)
        } catch {
            throw Diagnostic("the query for \(role.name) does not compile: \(error.message)", at: request.table.span)
                .hint("its definition: \(definition)")
        }
        // The checks below read every row; with the same mapping of the same table they were made already.
        let fingerprint = MappingChecks.fingerprint(role: role.name, definition: definition, options: request.options,
                                                    table: schema.name, in: workspace)
        let reused = MappingChecks.reusable(role: role.name, fingerprint: fingerprint, in: workspace)
        let nullValues = reused != nil ? [] : try conversionFailures(assignments, role: role, table: schema.name, request: request)
        let previous = try RoleStore(workspace: workspace).mapping(of: role.name)?.table
        return try workspace.database.inTransaction { () throws(Diagnostic) -> MappingReport in
            try workspace.catalog.saveQuery(name: role.name, definition: definition, columns: query.columns)
            try RoleStore(workspace: workspace).save(mapping)
            let checks: MappingChecks
            if let reused {
                checks = reused
            } else {
                checks = MappingChecks(rows: try runner.count(role.name),
                                       stages: role.field("stage") == nil ? nil : try stageCounts(role.name, rules: request.options.stages))
            }
            try checks.remember(role: role.name, fingerprint: nullValues.isEmpty ? fingerprint : nil, in: workspace)
            return MappingReport(
                mapping: mapping, definition: definition, rows: checks.rows,
                previousTable: previous == schema.name ? nil : previous,
                conversionNotes: Self.conversionNotes(assignments), nullValues: nullValues,
                stages: checks.stages,
                unusedColumns: Self.unusedColumns(schema, assignments: assignments, fields: request.fields))
        }
    }

    // MARK: - Role and source

    static func role(named name: Name) throws(Diagnostic) -> CanonicalRole {
        guard let role = CanonicalRole.named(name.text) else {
            let names = CanonicalRole.all.map(\.name)
            var error = Diagnostic("unknown role '\(name.text)'", at: name.span)
            if let suggestion = Suggestion.closest(to: name.text, among: names + names.map { String($0.dropFirst(4)) }) {
                let full = names.first { $0.hasSuffix("." + suggestion) } ?? suggestion
                error = error.hint("did you mean '\(full)'?")
            }
            throw error.hint("roles: " + names.joined(separator: ", "))
        }
        return role
    }

    /// The table or named query to map, which may not be a role's own query.
    private func source(_ name: Name, for role: CanonicalRole) throws(Diagnostic) -> TableSchema {
        guard let schema = workspace.catalog.schema(of: name.text) else {
            var error = Diagnostic("unknown table '\(name.text)'", at: name.span)
            if let suggestion = Suggestion.closest(to: name.text, among: workspace.catalog.allNames()) {
                error = error.hint("did you mean '\(suggestion)'?")
            }
            throw error.hint("'tables' lists the tables; 'load \"file.csv\" as \(name.text)' makes one")
        }
        if CanonicalRole.named(schema.name) != nil {
            throw Diagnostic("'\(schema.name)' is a role; map the table it reads instead", at: name.span)
                .hint("'roles' shows which table each role reads")
        }
        return schema
    }

    private func checkRequired(_ assignments: [FieldAssignment], role: CanonicalRole, schema: TableSchema,
                               request: MappingRequest) throws(Diagnostic) {
        let missing = assignments.filter { $0.field.isRequired && !$0.isMapped }.map(\.field.name)
        guard !missing.isEmpty else { return }
        let fields = missing.count == 1 ? "field \(missing[0])" : "fields " + missing.joined(separator: ", ")
        var error = Diagnostic("\(schema.name) has no column for the required \(fields) of \(role.name)", at: request.table.span)
            .hint("the columns of \(schema.name): " + schema.columns.map(\.name).joined(separator: ", "))
        for field in missing {
            let looked = ([field] + FieldSynonyms.synonyms(of: field, in: role)).prefix(6).joined(separator: ", ")
            error = error.hint("\(field) is looked for as \(looked), …")
        }
        let list = missing.map { "\($0) = COLUMN" }.joined(separator: ", ")
        throw error.hint("name them: map \(request.table.text) as \(role.name) (\(list))")
    }

    // MARK: - Conversions

    private func conversionFailures(_ assignments: [FieldAssignment], role: CanonicalRole, table: String,
                                    request: MappingRequest) throws(Diagnostic) -> [ConversionFailures] {
        var checked: [(assignment: FieldAssignment, operand: String)] = []
        for assignment in assignments
        where FieldConversion(field: assignment.field, sourceType: assignment.sourceType).isChecked {
            if let operand = try RoleDefinition.operand(of: assignment) { checked.append((assignment, operand)) }
        }
        guard let tableText = PipelineText.name(table) else { return [] }
        let failures = try ConversionCheck(runner: runner, table: tableText, fields: checked).failures()
        guard request.options.onError == .fail, let first = failures.first else { return failures }
        let span = request.fields.first { $0.name?.text.lowercased() == first.field }?.expression.span ?? request.table.span
        var error = Diagnostic("\(first.verdict) in '\(first.source)' (for \(role.name).\(first.field)): \(first.exampleList)",
                               at: span)
        for other in failures.dropFirst() {
            error = error.hint("and in '\(other.source)' (for \(other.field)): \(other.verdict)")
        }
        throw error.hint("correct them in the source and load it again, or read them as null: with (on_error: \"null\")")
    }

    static func conversionNotes(_ assignments: [FieldAssignment]) -> [String: String] {
        var notes: [String: String] = [:]
        for assignment in assignments {
            notes[assignment.field.name] = FieldConversion(field: assignment.field, sourceType: assignment.sourceType)
                .note(source: assignment.source ?? "")
        }
        return notes
    }

    // MARK: - What the printout adds

    /// Counts the deals per raw stage value and classifies each value with the role's own rules
    /// (`StageRules.stage(of:)` is the rule the role's `stage` column runs): grouping a million
    /// deals by the raw column is a third of the time of grouping them by the computed stage.
    private func stageCounts(_ role: String, rules: StageRules) throws(Diagnostic) -> StageCounts {
        let source = PipelineText.name(role) ?? role
        let query = try runner.compile("from \(source) | group stage_raw (n = count())", name: "the stages of \(role)")
        var counts = StageCounts(won: 0, lost: 0, open: 0, openValues: [])
        try runner.run(query) { row in
            guard case .integer(let n) = row[1] else { return }
            let count = Int(n)
            let raw: String? = if case .text(let text) = row[0] { text } else { nil }
            switch rules.stage(of: raw) {
            case "won": counts.won += count
            case "lost": counts.lost += count
            default:
                counts.open += count
                counts.openValues.append(StageCounts.RawValue(value: raw, count: count))
            }
        }
        // Most frequent first; ties by value, deals without a stage last.
        counts.openValues.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            guard let left = a.value else { return false }
            guard let right = b.value else { return true }
            return left < right
        }
        return counts
    }

    private static func unusedColumns(_ schema: TableSchema, assignments: [FieldAssignment],
                                      fields: [NamedExpression]) -> [String] {
        var used = Set(assignments.filter(\.origin.isColumn).compactMap { $0.source?.lowercased() })
        for item in fields { used.formUnion(ColumnReferences.names(in: item.expression).map { $0.lowercased() }) }
        return schema.columns.map(\.name).filter { !used.contains($0.lowercased()) }
    }
}
