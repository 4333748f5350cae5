import SverkaEngine
import SverkaSyntax

/// Runs a query compiled for PostgreSQL on the server and hands back typed rows, as QueryRunner
/// does for the workspace: only the result crosses the wire.
public struct PostgresQueryRunner {
    let server: PostgresServer

    public init(server: PostgresServer) {
        self.server = server
    }

    /// Streams the rows, each decoded by its column's logical type.
    public func run(_ query: CompiledQuery, row body: ([Value]) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let types = query.columns.map(\.type)
        try server.query(Self.textResult(query), parameters: query.parameters.map(Self.parameterText),
                         columns: { _ throws(Diagnostic) in }, row: { fields throws(Diagnostic) in
            var values = [Value](repeating: .null, count: types.count)
            for index in types.indices where index < fields.count {
                guard let text = fields[index] else { continue }
                values[index] = Value.decode(Self.storedValue(text, as: types[index]), as: types[index])
            }
            try body(values)
        })
    }

    /// The query with every column cast to text: one decoding for every type, and PostgreSQL's
    /// own text forms of numeric and date, which are exact. The columns are renamed by position,
    /// since a result may carry two of the same name (`deals.id`, `clients.id` both as given).
    static func textResult(_ query: CompiledQuery) -> String {
        let names = query.columns.indices.map { "c\($0 + 1)" }
        let list = names.map { "CAST(\($0) AS text)" }.joined(separator: ", ")
        guard !names.isEmpty else { return "SELECT NULL FROM (\(query.sql)) AS _result" }
        return "SELECT \(list) FROM (\(query.sql)) AS _result(\(names.joined(separator: ", ")))"
    }

    /// A result cell as the workspace would store it. Decimals arrive as the integer minor units
    /// the compiled SQL computes with, not as decimal text.
    static func storedValue(_ text: String, as type: LogicalType) -> StoredValue {
        if case .decimal = type {
            return Int64(text).map(StoredValue.integer)
                ?? PostgresTypeMapping.textToValue(text, as: .decimal(scale: 0)) ?? .text(text)
        }
        return PostgresTypeMapping.textToValue(text, as: type) ?? .text(text)
    }

    /// A parameter as the text its placeholder's cast reads (`$1::bigint`, `$2::date`).
    static func parameterText(_ value: StoredValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let number): return String(number)
        case .real(let number): return "\(number)"
        case .text(let text): return text
        case .blob(let bytes):
            let digits = Array("0123456789abcdef")
            return "\\x" + String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
        }
    }
}
