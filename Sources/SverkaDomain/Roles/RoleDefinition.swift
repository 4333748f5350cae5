import SverkaEngine
import SverkaSyntax

/// The pipeline a role is stored as: `from deals | select id = text(deal_id), …`, one column
/// per canonical field in the role's order (missing optional fields as typed nulls, so every
/// consumer can rely on every column), and for deals the stage normalised with the raw value
/// kept beside it as `stage_raw`.
struct RoleDefinition {
    let role: CanonicalRole
    /// The source table or named query, as the catalog names it.
    let table: String
    let assignments: [FieldAssignment]
    let stages: StageRules

    /// The pipeline text; throws when a source cannot be read as its field's type.
    func text() throws(Diagnostic) -> String {
        guard let source = PipelineText.name(table) else {
            throw Diagnostic("'\(table)' cannot be named in a pipeline (it holds a back-quote or a line break)")
                .hint("load it again under a plain name")
        }
        var items: [String] = []
        for assignment in assignments {
            let operand = try Self.operand(of: assignment)
            let conversion = FieldConversion(field: assignment.field, sourceType: assignment.sourceType)
            guard let value = conversion.expression(of: operand) else {
                let what = assignment.origin.isColumn ? "column '\(assignment.source ?? "")'" : "'\(assignment.source ?? "")'"
                throw Diagnostic("\(role.name).\(assignment.field.name) is \(FieldConversion.noun(assignment.field.type)), "
                                 + "but \(what) is \(assignment.sourceType.map { "\($0)" } ?? "empty")")
                    .hint("name another source for it: (\(assignment.field.name) = COLUMN)")
            }
            if assignment.field.name == "stage", role.field("stage") != nil {
                let raw = assignment.isMapped ? value : "text(null)"
                items.append("stage = \(stages.expression(of: raw))")
                items.append("stage_raw = \(raw)")
            } else if value == assignment.field.name {
                items.append(value)  // a column already named like its field: `amount`, not `amount = amount`
            } else {
                items.append("\(assignment.field.name) = \(value)")
            }
        }
        return "from \(source) | select " + items.joined(separator: ", ")
    }

    /// The source as pipeline text: a column's name, or the expression as written, in
    /// parentheses so that anything inside it (even a comment) stays inside.
    static func operand(of assignment: FieldAssignment) throws(Diagnostic) -> String? {
        guard let source = assignment.source else { return nil }
        guard assignment.origin.isColumn else { return "(\(source))" }
        guard let name = PipelineText.name(source) else {
            throw Diagnostic("column '\(source)' cannot be named in a pipeline (it holds a back-quote or a line break)")
                .hint("load the file again with a plain header for it")
        }
        return name
    }
}
