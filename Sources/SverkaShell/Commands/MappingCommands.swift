import SverkaDomain
import SverkaEngine
import SverkaSyntax

/// Commands that bind loaded tables to the canonical roles both systems are mapped onto.
enum MappingCommands {
    static let all: [CommandSpec] = [map, roles]

    static let map = CommandSpec(
        syntax: CommandSyntax(name: "map", positionals: [Slot("table", .word(.table))],
                              clauses: [ClauseSyntax(["as"], .word(.role), required: true),
                                        ClauseSyntax(unkeyed: "fields", .assignments),
                                        ClauseSyntax(["with"], .options)]),
        group: .integration,
        summary: "bind a table to a role (crm.deals, acc.invoices, …) that later commands read",
        usage: "map TABLE as ROLE [(field = column_or_expression, …)] [with (won: (\"…\", …), lost: (\"…\", …), on_error: \"null\")]",
        details: [
            "Declares which loaded table (or named query) plays a role of the integration model. The role becomes a named query called like the role, with the role's fields under their canonical names and types whatever the table calls them: from crm.deals | where stage == \"won\". Every integration command reads the roles, never the tables.",
            "Roles and their fields (* required): " + CanonicalRole.all.map { "\($0.name) (\($0.fieldSummary))" }.joined(separator: "; ") + ".",
            "Fields not named in the list are found by the column's name, then by common synonyms in English and Russian: ИНН, inn, taxid → tax_id; Наименование, Контрагент, title, company → name; Сумма, budget, price, total, sum → amount; Дата → the role's date; Ответственный, responsible_user → manager; Статус, status → stage; deal_id, lead_id → a deal's id, invoice_id → an invoice's id, counterparty_id → a counterparty's; client_id, contact_id, company_id → client_id. Case, spaces, '_' and '-' do not matter (Tax ID = tax_id = TaxId). A column serves one field only.",
            "In the list, the field comes first: (amount = budget, manager = `Ответственный`), or an expression: (amount = price * qty). A missing required field is an error that lists the table's columns; a missing optional field is null.",
            "Types: ids and other text fields become text (a number id 123 reads \"123\"); money is exact, decimal(2): a decimal of another scale is rescaled (more places are rounded half away from zero), whole numbers are fine, and text is read as an amount (1234.50, 1 234,50); dates stay dates, and text is read as yyyy-MM-dd or dd.MM.yyyy. Text values that are not amounts or dates stop the mapping with their count and the first rows that hold them, unless with (on_error: \"null\"), which reads them as null and says how many.",
            "Stages (crm.deals): stage is won, lost or open, and stage_raw keeps the value as written. Compared trimmed and ignoring case, won is " + StageRules.defaultWon.map { "\"\($0)\"" }.joined(separator: ", ") + "; lost is " + StageRules.defaultLost.map { "\"\($0)\"" }.joined(separator: ", ") + "; anything else is open. with (won: (\"…\", …), lost: (\"…\", …)) replaces either list.",
            "Prints to stderr the row count and each field with its column and how it was found (named, by name, synonym, missing), the won/lost/open counts and the values read as open, and the columns no field reads. The mapping is stored in the workspace; mapping a role again replaces it. If its table is dropped or loaded again without a column it reads, the role reports that it no longer compiles until it is mapped again.",
        ],
        examples: ["map deals as crm.deals",
                   "map clients as crm.clients (tax_id = `ИНН`, name = `Краткое наименование`)",
                   "map sales as crm.deals (id = deal_no, amount = price * qty) with (won: (\"Оплачено\", \"Закрыта\"))",
                   "map invoices_1c as acc.invoices with (on_error: \"null\")"]
    ) { invocation, session throws(Diagnostic) in
        guard case .word(let table)? = invocation.argument("table")?.value,
              case .word(let role)? = invocation.clause("as")?.value else {
            throw Diagnostic("map needs a table and a role", at: invocation.span).hint("write: map deals as crm.deals")
        }
        var fields: [NamedExpression] = []
        if case .assignments(let items)? = invocation.clause("fields")?.value { fields = items }
        var options = MappingOptions()
        if case .options(let entries)? = invocation.clause("with")?.value { options = try MappingOptions(entries: entries) }
        let report = try RoleMapper(workspace: session.workspace, variables: session.variables)
            .map(MappingRequest(table: table, role: role, fields: fields, options: options, source: session.currentSource))
        session.messages.write(MappingReportText(report: report).lines.joined(separator: "\n") + "\n")
        return .done
    }

    static let roles = CommandSpec(
        syntax: CommandSyntax(name: "roles"),
        group: .integration,
        summary: "list the roles, the table each reads, and its rows",
        usage: "roles",
        details: [
            "One row per role of the integration model: role, the table it was mapped to (empty when not mapped), its rows, how many of its fields are mapped, the optional fields left null (missing), and a note when the role cannot be read (its table was dropped or changed: map it again).",
            "'describe ROLE' shows a role's columns; 'help map' lists every role's fields.",
        ],
        examples: ["roles", "describe crm.deals"]
    ) { _, session throws(Diagnostic) in
        let statuses = try RoleMapper(workspace: session.workspace, variables: session.variables).roles()
        session.show(
            columns: [ResultColumn(name: "role", type: .text), ResultColumn(name: "table", type: .text),
                      ResultColumn(name: "rows", type: .integer), ResultColumn(name: "fields", type: .integer),
                      ResultColumn(name: "missing", type: .text), ResultColumn(name: "note", type: .text)],
            rows: statuses.map { status in
                let missing = status.mapping?.assignments.filter { !$0.isMapped }.map(\.field.name) ?? []
                return [.text(status.role.name), status.mapping.map { .text($0.table) } ?? .null,
                        status.rows.map { .integer(Int64($0)) } ?? .null,
                        status.mapping.map { .integer(Int64($0.mappedFields.count)) } ?? .null,
                        status.mapping == nil ? .null : .text(missing.joined(separator: ", ")),
                        .text(status.problem ?? (status.mapping == nil ? "not mapped" : ""))]
            })
        return .done
    }
}
