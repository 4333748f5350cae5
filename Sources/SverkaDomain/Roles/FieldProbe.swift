import SverkaEngine
import SverkaSyntax

/// The fields a `map` command names, checked and typed: each name must be a field of the role,
/// and each expression must compile against the table, which the compiler reports at the
/// user's own text (`unknown column 'budgt' in deals`, with a caret under it).
struct FieldProbe {
    let role: CanonicalRole
    let schema: TableSchema
    let request: MappingRequest
    let compiler: QueryCompiler

    /// The named fields by field name; a plain column is a `column`, anything else an `expression`.
    func assignments() throws(Diagnostic) -> [String: FieldAssignment] {
        guard !request.fields.isEmpty else { return [:] }
        var items: [NamedExpression] = []
        var fields: [CanonicalRole.Field] = []
        for item in request.fields {
            guard let name = item.name else { continue }
            guard let field = role.field(name.text.lowercased()) else { throw unknownField(name, item.expression) }
            items.append(NamedExpression(name: Name(field.name, span: name.span), expression: item.expression))
            fields.append(field)
        }
        let span = request.table.span
        let reference = TableReference(name: QualifiedName([Name(schema.name, span: span)]))
        let pipeline = Pipeline(source: reference, steps: [Step(.select(items), span: span, keywordSpan: span)], span: span)
        let compiled = try compiler.compile(pipeline)
        var result: [String: FieldAssignment] = [:]
        for (index, (field, item)) in zip(fields, items).enumerated() {
            let type = compiled.columns[index].type
            if let column = column(of: item.expression) {
                result[field.name] = FieldAssignment(field: field, source: column, origin: .column, sourceType: type)
            } else {
                guard let source = request.source else {
                    throw Diagnostic("the expression for \(field.name) has no source text to store", at: item.expression.span)
                }
                result[field.name] = FieldAssignment(field: field, source: source.slice(item.expression.span),
                                                     origin: .expression, sourceType: type)
            }
        }
        return result
    }

    /// The table's column an expression names alone (`budget`, `deals.budget`), by its stored name.
    private func column(of expression: SverkaSyntax.Expression) -> String? {
        guard case .column(let name) = expression.kind, name.parts.count <= 2 else { return nil }
        let text = name.last.text
        return schema.columns.first { $0.name == text }?.name
            ?? schema.columns.first { $0.name.lowercased() == text.lowercased() }?.name
    }

    private func unknownField(_ name: Name, _ expression: SverkaSyntax.Expression) -> Diagnostic {
        var error = Diagnostic("\(role.name) has no field '\(name.text)'", at: name.span)
        if let suggestion = Suggestion.closest(to: name.text, among: role.fields.map(\.name)) {
            error = error.hint("did you mean '\(suggestion)'?")
        }
        // `(budget = amount)`: a column on the left and a field on the right, the wrong way round.
        if case .column(let written) = expression.kind, let field = role.field(written.last.text.lowercased()),
           schema.columns.contains(where: { $0.name.lowercased() == name.text.lowercased() }) {
            error = error.hint("the field comes first: (\(field.name) = \(name.text))")
        }
        return error.hint("the fields of \(role.name): \(role.fieldSummary) (* required)")
    }
}
