import Foundation
import SverkaDomain
import SverkaEngine
import SverkaSyntax
import XCTest

/// The output of `scripts/gen-data` for a set of arguments, generated once per test process and
/// shared by the test classes that check figures against it.
enum GeneratedDataSets {
    nonisolated(unsafe) private static var folders: [String: URL] = [:]

    /// The folder holding the generated CSV files; skips the test when python3 cannot run the script.
    static func folder(_ arguments: [String]) throws -> URL {
        let key = arguments.joined(separator: " ")
        if let folder = folders[key] { return folder }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = try ReconFixture.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/gen-data").path, folder.path] + arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("scripts/gen-data did not run (python3 missing?)") }
        folders[key] = folder
        return folder
    }

    /// The generated files loaded with the loader's own inference and each mapped to its role by
    /// names alone, as a user would; the folder beside it.
    static func mappedWorkspace(_ arguments: [String]) throws -> (Workspace, URL) {
        let folder = try folder(arguments)
        let workspace = try Workspace(path: nil)
        var tables = [("clients", "crm.clients"), ("deals", "crm.deals"), ("counterparties", "acc.counterparties"),
                      ("invoices", "acc.invoices"), ("payments", "acc.payments"), ("costs", "acc.costs")]
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("rates.csv").path) {
            tables.append(("rates", "acc.rates"))
        }
        for (table, role) in tables {
            _ = try CSVLoader().load(LoadRequest(path: folder.appendingPathComponent("\(table).csv").path, table: table,
                                                 options: LoadOptions()), into: workspace)
            _ = try RoleMapper(workspace: workspace).map(MappingRequest(table: Name(table, span: .none),
                                                                       role: Name(role, span: .none)))
        }
        return (workspace, folder)
    }
}
