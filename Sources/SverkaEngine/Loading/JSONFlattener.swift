/// Turns JSON records into rows of text fields: nested objects become `parent.child` columns,
/// arrays stay JSON text, numbers keep their digits, keys missing from a record are null.
struct JSONFlattener {
    private(set) var names: [String] = []
    private var columnIndex: [String: Int] = [:]
    private(set) var rows: [RowTableRow] = []
    /// Where each record starts in the file, to locate a field for a message.
    private(set) var offsets: [Int] = []
    /// Columns that came from inside a nested object, and columns that held arrays.
    private(set) var nested: [String] = []
    private(set) var arrayColumns: Set<Int> = []

    /// Adds one record (an object's members) starting at `offset` on `line`.
    mutating func add(_ members: [JSONMember], line: Int, offset: Int) {
        var fields: [String?] = []
        fields.reserveCapacity(names.count)
        flatten(members, prefix: "", into: &fields)
        rows.append(RowTableRow(fields: fields, line: line))
        offsets.append(offset)
    }

    private mutating func flatten(_ members: [JSONMember], prefix: String, into fields: inout [String?]) {
        for member in members {
            let name = prefix.isEmpty ? member.key : prefix + "." + member.key
            switch member.value {
            case .object(let inner):
                // An empty object adds nothing: there is no child to name a column after.
                flatten(inner, prefix: name, into: &fields)
            case .array:
                let column = set(name, member.value.compactText, in: &fields, nested: !prefix.isEmpty)
                arrayColumns.insert(column)
            case .string(let text):
                set(name, text, in: &fields, nested: !prefix.isEmpty)
            case .number(let token):
                set(name, RowTableNumberText.plain(token), in: &fields, nested: !prefix.isEmpty)
            case .bool(let value):
                set(name, value ? "true" : "false", in: &fields, nested: !prefix.isEmpty)
            case .null:
                set(name, nil, in: &fields, nested: !prefix.isEmpty)
            }
        }
    }

    /// Puts a value in its column, making the column on first sight; a repeated key keeps the last value.
    @discardableResult
    private mutating func set(_ name: String, _ value: String?, in fields: inout [String?], nested isNested: Bool) -> Int {
        let column: Int
        if let known = columnIndex[name] {
            column = known
        } else {
            column = names.count
            names.append(name)
            columnIndex[name] = column
            if isNested { nested.append(name) }
        }
        if column >= fields.count { fields.append(contentsOf: repeatElement(nil, count: column - fields.count + 1)) }
        fields[column] = value
        return column
    }
}
