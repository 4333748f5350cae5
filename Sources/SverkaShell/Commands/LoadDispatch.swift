import Foundation
import SverkaEngine
import SverkaSyntax

/// Picks the loader for a file (JSON, Excel and 1C statements by extension and first bytes,
/// anything else as delimited text) and checks that the options given apply to it.
enum LoadDispatch {
    static func load(_ request: LoadRequest, read: LoadOptionReader.Read, into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        guard let format = StructuredFormat.detect(path: request.path) else {
            try refuse(LoadOptionReader.structuredOptions, read: read, format: "CSV and TSV files")
            return try CSVLoader().load(request, into: workspace)
        }
        let csvOnly = LoadOptionReader.csvOptions.filter { $0 != "types" && $0 != "force" }
        switch format {
        case .json:
            try refuse(csvOnly + ["sheet"], read: read, format: "JSON files")
            return try JSONLoader().load(request, structured: read.structured, into: workspace)
        case .xlsx:
            try refuse(csvOnly + ["path", "ndjson"], read: read, format: "Excel files")
            return try XLSXLoader().load(request, structured: read.structured, into: workspace)
        case .bankStatement:
            try refuse(csvOnly + LoadOptionReader.structuredOptions, read: read, format: "1C bank statements")
            return try BankStatementLoader().load(request, structured: read.structured, into: workspace)
        }
    }

    /// Appends only read delimited text: the other formats have no append.
    static func append(_ request: LoadRequest, read: LoadOptionReader.Read, into workspace: Workspace) throws(Diagnostic) -> LoadReport {
        if let format = StructuredFormat.detect(path: request.path) {
            let kind = format == .json ? "a JSON file" : format == .xlsx ? "an Excel file" : "a 1C bank statement"
            throw Diagnostic("append reads CSV and TSV files; '\(request.path)' is \(kind)",
                             hints: ["load it into a table of its own, then: sql \"INSERT INTO \(request.table) SELECT * FROM …\""])
        }
        try refuse(LoadOptionReader.structuredOptions + ["force"], read: read, format: "append")
        return try CSVLoader().append(request, into: workspace)
    }

    private static func refuse(_ names: [String], read: LoadOptionReader.Read, format: String) throws(Diagnostic) {
        for name in names {
            if let span = read.spans[name] {
                throw Diagnostic("the option '\(name)' does not apply to \(format)", at: span)
            }
        }
    }
}
