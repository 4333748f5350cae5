import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest
@testable import SverkaDomain

/// A grammar with no commands: the tests parse pipelines and conditions only.
struct ReconcileTestGrammar: CommandGrammar {
    func syntax(for name: String) -> CommandSyntax? { nil }
    var commandNames: [String] { [] }
}

/// Workspaces for the reconciliation and sync tests. Tables are filled straight from CSV with
/// the types each test states (no loader inference, so these tests do not move when the loader
/// does), and the roles are named queries written here, as `map` would store them.
enum ReconFixture {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("golden/data")

    static let dealColumns: [(String, LogicalType)] = [
        ("deal_id", .text), ("client_id", .text), ("stage", .text), ("amount", .decimal(scale: 2)),
        ("currency", .text), ("closed_at", .date),
    ]
    static let invoiceColumns: [(String, LogicalType)] = [
        ("invoice_id", .text), ("number", .text), ("counterparty_id", .text), ("deal_id", .text),
        ("amount", .decimal(scale: 2)), ("currency", .text), ("issue_date", .date), ("due_date", .date),
    ]
    static let paymentColumns: [(String, LogicalType)] = [
        ("payment_id", .text), ("invoice_id", .text), ("counterparty_id", .text), ("amount", .decimal(scale: 2)),
        ("paid_at", .date),
    ]
    static let matchColumns: [(String, LogicalType)] = [
        ("client_id", .text), ("counterparty_id", .text), ("method", .text), ("score", .number),
    ]
    static let clientColumns: [(String, LogicalType)] = [("client_id", .text), ("name", .text), ("tax_id", .text)]
    static let counterpartyColumns: [(String, LogicalType)] = [("counterparty_id", .text), ("name", .text), ("tax_id", .text)]

    /// The hand-made fixture of `Tests/golden/data/recon_*.csv`, roles defined; `matches` too
    /// unless told otherwise.
    static func small(matches: Bool = true, path: String? = nil) throws -> Workspace {
        let workspace = try Workspace(path: path)
        try load(workspace, "deals", file: dataFolder.appendingPathComponent("recon_deals.csv"), dealColumns)
        try load(workspace, "invoices", file: dataFolder.appendingPathComponent("recon_invoices.csv"), invoiceColumns)
        try load(workspace, "payments", file: dataFolder.appendingPathComponent("recon_payments.csv"), paymentColumns)
        try load(workspace, "clients", file: dataFolder.appendingPathComponent("recon_clients.csv"), clientColumns)
        try load(workspace, "counterparties", file: dataFolder.appendingPathComponent("recon_counterparties.csv"), counterpartyColumns)
        if matches {
            try load(workspace, "matches", file: dataFolder.appendingPathComponent("recon_matches.csv"), matchColumns)
        }
        try defineRoles(workspace)
        return workspace
    }

    /// The five roles over tables named deals, invoices, payments, clients, counterparties, with
    /// those tables' own column names; stages other than won and lost read as open.
    static func defineRoles(_ workspace: Workspace, dealID: String = "deal_id", clientID: String = "client_id",
                            partyID: (String, String) = ("client_id", "counterparty_id")) throws {
        try define(workspace, "crm.deals", """
            from deals | select id = text(\(dealID)), client_id = text(\(clientID)), amount,
              stage = if(stage == "won", "won", if(stage == "lost", "lost", "open")), stage_raw = stage, currency, closed_at
            """)
        try define(workspace, "acc.invoices", """
            from invoices | select id = text(invoice_id), counterparty_id = text(counterparty_id), amount, issue_date,
              due_date, deal_id = text(deal_id), number, currency
            """)
        try define(workspace, "acc.payments", """
            from payments | select id = text(payment_id), amount, paid_at, invoice_id = text(invoice_id),
              counterparty_id = text(counterparty_id)
            """)
        try define(workspace, "crm.clients", "from clients | select id = text(\(partyID.0)), name, tax_id = text(tax_id)")
        try define(workspace, "acc.counterparties", "from counterparties | select id = text(\(partyID.1)), name, tax_id = text(tax_id)")
    }

    /// Saves a named query with the columns compiling it gives.
    static func define(_ workspace: Workspace, _ name: String, _ definition: String) throws {
        let source = SourceText(name: name, text: definition)
        let script = try Parser(grammar: ReconcileTestGrammar()).parse(source)
        guard case .query(let pipeline)? = script.statements.first?.kind else {
            throw Diagnostic("not a pipeline: \(definition)")
        }
        let compiled = try QueryCompiler(tables: WorkspaceTables(catalog: workspace.catalog), source: source).compile(pipeline)
        try workspace.catalog.saveQuery(name: name, definition: definition, columns: compiled.columns)
    }

    /// A condition as a sync's `where` would carry it.
    static func condition(_ text: String) throws -> RowFilter {
        let source = SourceText(name: "test", text: "from x | where \(text)")
        let script = try Parser(grammar: ReconcileTestGrammar()).parse(source)
        guard case .query(let pipeline)? = script.statements.first?.kind, case .filter(let condition)? = pipeline.steps.first?.kind else {
            throw Diagnostic("not a condition: \(text)")
        }
        return RowFilter(condition: condition, context: QueryContext(source: source))
    }

    // MARK: - Tables from CSV

    /// Creates `table` with the given columns (the file's header names them, in any order) and
    /// fills it from a UTF-8, comma-separated file; empty fields are null.
    static func load(_ workspace: Workspace, _ table: String, file: URL, _ columns: [(String, LogicalType)]) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var records = CSVText.records(text)
        guard !records.isEmpty else { throw Diagnostic("\(file.lastPathComponent) is empty") }
        let header = records.removeFirst()
        let positions = try columns.map { column -> Int in
            guard let index = header.firstIndex(of: column.0) else { throw Diagnostic("\(file.lastPathComponent) has no \(column.0)") }
            return index
        }
        try create(workspace, table, columns)
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try workspace.database.inTransaction { () throws(Diagnostic) in
            let insert = try workspace.database.prepare("INSERT INTO \(SQLiteQuoting.identifier(table)) VALUES (\(placeholders))")
            for record in records where record.count == header.count {
                var values: [StoredValue] = []
                for (column, position) in zip(columns, positions) {
                    values.append(try stored(record[position], as: column.1))
                }
                try insert.bind(values)
                _ = try insert.step()
                insert.reset()
            }
        }
    }

    /// An empty table with these columns, registered with their logical types.
    static func create(_ workspace: Workspace, _ table: String, _ columns: [(String, LogicalType)]) throws {
        let declarations = columns.map { "\(SQLiteQuoting.identifier($0.0)) \($0.1.storageDeclaration)" }
        try workspace.database.execute("DROP TABLE IF EXISTS \(SQLiteQuoting.identifier(table))")
        try workspace.database.execute("CREATE TABLE \(SQLiteQuoting.identifier(table)) (\(declarations.joined(separator: ", ")))")
        try workspace.catalog.register(table: table, columns: columns.map { ResultColumn(name: $0.0, type: $0.1) }, source: nil)
    }

    static func stored(_ field: String, as type: LogicalType) throws(Diagnostic) -> StoredValue {
        guard !field.isEmpty else { return .null }
        switch type {
        case .decimal(let scale):
            guard let value = ExactDecimal(parsing: Substring(field))?.rescaled(to: scale) else {
                throw Diagnostic("not money: \(field)")
            }
            return .integer(value.units)
        case .integer:
            guard let value = Int64(field) else { throw Diagnostic("not an integer: \(field)") }
            return .integer(value)
        case .number:
            return .real(Double(field) ?? 0)
        default:
            return .text(field)
        }
    }

    /// Runs SQL and returns the first column of every row as text.
    static func column(_ workspace: Workspace, _ sql: String) throws -> [String] {
        try workspace.database.query(sql) { row in row.isNull(at: 0) ? "∅" : row.text(at: 0) }
    }

    static func count(_ workspace: Workspace, _ sql: String) throws -> Int {
        guard case .integer(let value)? = try workspace.database.scalar(sql) else { return -1 }
        return Int(value)
    }

    static func date(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: Substring(text)) else { throw Diagnostic("not a date: \(text)") }
        return date
    }

    /// A fresh folder for one test's files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-recon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// RFC 4180 records: quoted fields with doubled quotes inside, commas, LF or CRLF line ends.
enum CSVText {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r": continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
