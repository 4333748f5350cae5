import Foundation
import XCTest
import SverkaSyntax
@testable import SverkaShell

/// A command registry shaped like sverka's, so completion is tested against known slots.
struct FakeGrammar: CommandGrammar {
    let commands: [CommandSyntax] = [
        CommandSyntax(name: "load", positionals: [Slot("path", .string(.path))],
                      clauses: [ClauseSyntax(["as"], .word(.newTable), required: true), ClauseSyntax(["with"], .options)]),
        CommandSyntax(name: "describe", positionals: [Slot("table", .word(.table))]),
        CommandSyntax(name: "drop", positionals: [Slot("table", .word(.table))]),
        CommandSyntax(name: "explain", positionals: [Slot("query", .query)]),
        CommandSyntax(name: "help", positionals: [Slot("topic", .word(.command), optional: true)]),
        CommandSyntax(name: "set", positionals: [Slot("setting", .word(.setting)), Slot("value", .value)]),
        CommandSyntax(name: "export", positionals: [Slot("query", .query)],
                      clauses: [ClauseSyntax(["to"], .string(.path), required: true),
                                ClauseSyntax(["as", "of"], .expression), ClauseSyntax(["format"], .choice(["csv", "json"]))]),
        CommandSyntax(name: "expect", positionals: [Slot("condition", .expression)],
                      clauses: [ClauseSyntax(["else"], .string(.text))]),
        CommandSyntax(name: "tables"),
    ]

    func syntax(for name: String) -> CommandSyntax? { commands.first { $0.name == name } }
    var commandNames: [String] { commands.map(\.name) }
}

/// Tables, columns and values of a small workspace, with Cyrillic names.
struct FakeCatalog: CompletionCatalog {
    var grammar: any CommandGrammar { FakeGrammar() }
    var stepWords: [String] { ["where", "select", "derive", "join", "left", "group", "sort", "take", "distinct", "append"] }
    var functionNames: [String] { ["sum", "count", "round", "year"] }

    func tableNames() -> [String] { ["deals", "clients", "платежи", "Сумма с НДС"] }

    func columnNames(of table: String) -> [String] {
        switch table {
        case "deals": return ["id", "client_id", "stage", "amount", "closed_at"]
        case "clients": return ["id", "name", "region"]
        case "платежи": return ["контрагент", "сумма", "дата", "Дата оплаты"]
        default: return []
        }
    }

    func distinctValues(table: String, column: String, prefix: String, limit: Int) -> [String] {
        let values: [String]
        switch (table, column) {
        case ("deals", "stage"): values = ["won", "lost", "open", "won back"]
        case ("платежи", "контрагент"): values = ["ООО \"Ромашка\"", "ООО Лютик", "ИП Иванов"]
        case ("clients", "region"): values = ["Москва", "Мурманск", "Казань"]
        default: values = []
        }
        return Array(values.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }.prefix(limit))
    }

    func settingNames() -> [String] { ["pager", "format", "money"] }
}

final class InteractiveCompleterTests: XCTestCase {
    private let completer = Completer(catalog: FakeCatalog())

    /// Completes with the cursor at the end, or at `|` when the line holds one.
    private func complete(_ line: String) -> Completion {
        if let bar = line.firstIndex(of: "‸") {
            var text = line
            text.remove(at: bar)
            return completer.complete(line: text, cursor: line.distance(from: line.startIndex, to: bar))
        }
        return completer.complete(line: line, cursor: line.count)
    }

    private func texts(_ line: String) -> [String] {
        complete(line).candidates.map(\.text)
    }

    // MARK: statement starts and step words

    func testFirstWordOffersCommandsFromAndLet() {
        let words = texts("")
        for expected in ["load", "describe", "tables", "from", "let"] { XCTAssertTrue(words.contains(expected), expected) }
        XCTAssertEqual(texts("de"), ["describe"])
        XCTAssertEqual(complete("de").insertion, "describe ")
        XCTAssertEqual(texts("  fr"), ["from"])
    }

    func testAfterSemicolonANewStatementStarts() {
        XCTAssertEqual(texts("tables; dr"), ["drop"])
        XCTAssertEqual(texts("tables; from de"), ["deals"])
    }

    func testAfterPipeOffersStepWords() {
        XCTAssertEqual(texts("from deals | "), FakeCatalog().stepWords)
        XCTAssertEqual(texts("from deals | wh"), ["where"])
        XCTAssertEqual(texts("from deals|s"), ["select", "sort"])
        XCTAssertEqual(texts("from deals | left "), ["join"])
    }

    // MARK: tables

    func testTablesAfterFromJoinAppendAndTableSlots() {
        XCTAssertEqual(texts("from d"), ["deals"])
        XCTAssertEqual(texts("from deals | join c"), ["clients"])
        XCTAssertEqual(texts("from deals | left join c"), ["clients"])
        XCTAssertEqual(texts("from deals | append d"), ["deals"])
        XCTAssertEqual(texts("describe c"), ["clients"])
        XCTAssertEqual(texts("drop "), ["deals", "clients", "платежи", "`Сумма с НДС`"])
        XCTAssertEqual(texts("let big = from d"), ["deals"])
        XCTAssertEqual(texts("from deals | append (from c"), ["clients"])
    }

    func testANestedPipelineUsesItsOwnTables() {
        XCTAssertEqual(texts("from deals | append (from clients | where re"), ["region"])
        XCTAssertEqual(texts("from deals | append (from clients | where region in (\"К"), ["Казань"])
        XCTAssertEqual(texts("from deals | append (from clients | where (re"), ["region"])
    }

    func testCyrillicTablePrefixAndBackQuotedNames() {
        XCTAssertEqual(texts("from пла"), ["платежи"])
        XCTAssertEqual(complete("from пла").replacementRange, 5..<8)
        XCTAssertEqual(texts("from сум"), ["`Сумма с НДС`"])
        let quoted = complete("describe `Сум")
        XCTAssertEqual(quoted.candidates.map(\.text), ["`Сумма с НДС"])
        XCTAssertEqual(quoted.insertion, "`Сумма с НДС` ")
        XCTAssertEqual(quoted.replacementRange, 9..<13)
    }

    // MARK: columns

    func testColumnsInExpressionPositions() {
        let dealColumns = ["id", "client_id", "stage", "amount", "closed_at"]
        XCTAssertEqual(texts("from deals | where "), dealColumns + ["sum", "count", "round", "year"])
        XCTAssertEqual(texts("from deals | where st"), ["stage"])
        XCTAssertEqual(texts("from deals | where stage == \"won\" and am"), ["amount"])
        XCTAssertEqual(texts("from deals | where stage == \"won\" or cl"), ["client_id", "closed_at"])
        XCTAssertEqual(texts("from deals | where amount > cl"), ["client_id", "closed_at"])
        XCTAssertEqual(texts("from deals | select id, st"), ["stage"])
        XCTAssertEqual(texts("from deals | derive net = am"), ["amount"])
        XCTAssertEqual(texts("from deals | sort -am"), ["amount"])
        XCTAssertEqual(texts("from deals | group cl"), ["client_id", "closed_at"])
        XCTAssertEqual(texts("from deals | group client_id (revenue = su"), ["sum"])
        XCTAssertEqual(complete("from deals | group client_id (revenue = su").insertion, "sum(")
    }

    func testColumnsComeFromEveryTableOfTheStatement() {
        let line = "from deals | join clients on deals.client_id == clients.id | where re"
        XCTAssertEqual(texts(line), ["region"])
        XCTAssertEqual(texts("from deals | join clients on "), ["id", "client_id", "stage", "amount", "closed_at", "name", "region", "sum", "count", "round", "year"])
        XCTAssertEqual(texts("from deals | join clients "), ["on", "using", "as"])
        XCTAssertEqual(texts("from deals | join clients using ("), ["id", "client_id", "stage", "amount", "closed_at", "name", "region"])
    }

    func testQualifiedNamesOfferThatTablesColumns() {
        XCTAssertEqual(texts("from deals | join clients on deals.client_id == clients."), ["id", "name", "region"])
        XCTAssertEqual(texts("from deals | join clients as c on c.r"), ["region"])
    }

    func testNamesGivenByDeriveAndGroupComplete() {
        XCTAssertEqual(texts("from deals | derive margin = amount * 0.2 | where mar"), ["margin"])
        XCTAssertEqual(texts("from deals | group stage (revenue = sum(amount)) | sort -rev"), ["revenue"])
    }

    func testCyrillicColumnsAndQuotedColumnNames() {
        XCTAssertEqual(texts("from платежи | where конт"), ["контрагент"])
        XCTAssertEqual(texts("from платежи | select да"), ["дата", "`Дата оплаты`"])
        XCTAssertEqual(complete("from платежи | select `Дата о").insertion, "`Дата оплаты` ")
    }

    func testConditionKeywordsAfterAnOperand() {
        XCTAssertEqual(texts("from deals | where amount > 5 a"), ["and"])
        XCTAssertEqual(texts("from deals | where closed_at is "), ["null", "not"])
        XCTAssertEqual(texts("from deals | where closed_at is not "), ["null"])
    }

    // MARK: values

    func testValuesAfterEqualityCompleteAndCloseTheString() {
        let completion = complete("from deals | where stage == \"w")
        XCTAssertEqual(completion.candidates.map(\.display), ["won", "won back"])
        XCTAssertEqual(completion.insertion, "won")
        XCTAssertEqual(completion.replacementRange, 29..<30)
        XCTAssertEqual(complete("from deals | where stage != \"l").insertion, "lost\"")
        XCTAssertEqual(complete("from deals | where stage = 'o").insertion, "open'")
    }

    func testValuesInsideInLists() {
        XCTAssertEqual(texts("from deals | where stage in (\"won\", \"l"), ["lost"])
        XCTAssertEqual(texts("from deals | where stage not in (\"o"), ["open"])
    }

    func testValuesOfAQualifiedOrJoinedColumn() {
        let line = "from deals | join clients on deals.client_id == clients.id | where clients.region == \"М"
        XCTAssertEqual(texts(line), ["Москва", "Мурманск"])
        XCTAssertEqual(texts("from deals | join clients using (id) | where region == \"К"), ["Казань"])
    }

    func testValuesWithQuotesAreEscapedAndCyrillicPrefixesMatch() {
        let completion = complete("from платежи | where контрагент == \"ооо \\\"Р")
        XCTAssertEqual(completion.candidates.map(\.text), ["ООО \\\"Ромашка\\\""])
        XCTAssertEqual(completion.insertion, "ООО \\\"Ромашка\\\"\"")
        let both = complete("from платежи | where контрагент == \"ооо")
        XCTAssertEqual(both.candidates.count, 2)
        XCTAssertEqual(both.insertion, "ООО ")
    }

    func testNoValuesInAStringThatIsNotCompared() {
        XCTAssertEqual(texts("from deals | where contains(stage, \"w"), [])
        XCTAssertEqual(texts("from deals | where stage == \"won\""), [])
    }

    // MARK: commands

    func testAfterACommandItsSlotsAndClauses() {
        XCTAssertEqual(texts("help "), FakeGrammar().commandNames)
        XCTAssertEqual(texts("set p"), ["pager"])
        XCTAssertEqual(texts("load \"x.csv\" "), ["as", "with"])
        XCTAssertEqual(texts("load \"x.csv\" as "), [])
        XCTAssertEqual(texts("load \"x.csv\" as deals "), ["with"])
        XCTAssertEqual(texts("explain "), ["from", "deals", "clients", "платежи", "`Сумма с НДС`"])
        XCTAssertEqual(texts("explain from deals | wh"), ["where"])
        XCTAssertEqual(texts("export deals "), ["to", "as", "format"])
        XCTAssertEqual(texts("export deals format "), ["csv", "json"])
        XCTAssertEqual(texts("export deals as "), ["of"])
        XCTAssertEqual(texts("export from deals | where st"), ["stage"])
        XCTAssertEqual(texts("expect ro"), ["round"])
        XCTAssertEqual(texts("expect count() > 1 "), ["and", "or", "not", "in", "between", "is", "else"])
    }

    func testTheStandardRegistryDrivesCompletion() {
        struct Standard: CompletionCatalog {
            var grammar: any CommandGrammar { CommandRegistry.standard }
            var stepWords: [String] { FakeCatalog().stepWords }
            func tableNames() -> [String] { ["deals"] }
            func columnNames(of table: String) -> [String] { ["stage"] }
            func distinctValues(table: String, column: String, prefix: String, limit: Int) -> [String] { [] }
        }
        let standard = Completer(catalog: Standard())
        let commands = standard.complete(line: "", cursor: 0).candidates.map(\.text)
        for command in ["load", "describe", "help", "from", "let"] { XCTAssertTrue(commands.contains(command), command) }
        XCTAssertEqual(standard.complete(line: "describe d", cursor: 10).candidates.map(\.text), ["deals"])
        XCTAssertEqual(standard.complete(line: "help desc", cursor: 9).insertion, "describe ")
        XCTAssertEqual(standard.complete(line: "load \"x.csv\" a", cursor: 14).insertion, "as ")
    }

    // MARK: file paths

    func testPathsInsideAPathString() throws {
        let directory = try temporaryDirectory()
        let completion = complete("load \"\(directory)/")
        XCTAssertEqual(completion.candidates.map(\.display), ["deals.csv", "sub/", "платежи.csv"])
        XCTAssertEqual(completion.candidates.map(\.text).first, "\(directory)/deals.csv")
        XCTAssertEqual(complete("load \"\(directory)/d").insertion, "\(directory)/deals.csv\"")
        XCTAssertEqual(complete("load \"\(directory)/s").insertion, "\(directory)/sub/")
        XCTAssertEqual(complete("load \"\(directory)/пл").insertion, "\(directory)/платежи.csv\"")
        XCTAssertEqual(texts("export deals to \"\(directory)/sub/"), ["\(directory)/sub/inner.csv"])
    }

    func testRelativePathsAndOpeningTheString() throws {
        let directory = try temporaryDirectory()
        let relative = Completer(catalog: FakeCatalog(), workingDirectory: directory)
        XCTAssertEqual(relative.complete(line: "load \"s", cursor: 7).insertion, "sub/")
        let opening = relative.complete(line: "load ", cursor: 5)
        XCTAssertEqual(opening.candidates.map(\.text), ["\"deals.csv", "\"sub/", "\"платежи.csv"])
        XCTAssertEqual(opening.insertion, "\"")
        XCTAssertEqual(relative.complete(line: "load d", cursor: 6).insertion, "\"deals.csv\"")
    }

    // MARK: cursor, lines and comments

    func testCursorInTheMiddleCompletesTheWordBeforeIt() {
        let completion = complete("from de‸ | where stage")
        XCTAssertEqual(completion.candidates.map(\.text), ["deals"])
        XCTAssertEqual(completion.replacementRange, 5..<7)
    }

    func testEarlierLinesOfTheStatementGiveContext() {
        XCTAssertEqual(texts("from deals |\n  where st"), ["stage"])
        XCTAssertEqual(texts("from deals | join clients on (\n  deals.client_id == clients.id) |\nwhere re"), ["region"])
    }

    func testNothingInsideCommentsOrAfterLiterals() {
        XCTAssertEqual(texts("from deals # de"), [])
        XCTAssertEqual(texts("from deals | take 1"), [])
        XCTAssertEqual(texts("frobnicate "), [])
    }

    // MARK: the completion value

    func testInsertionIsTheSoleCandidateOrALongerCommonPrefix() {
        let candidates = [CompletionCandidate(text: "client_id"), CompletionCandidate(text: "closed_at")]
        XCTAssertEqual(Completion(replacementRange: 0..<1, prefix: "c", candidates: candidates).insertion, "cl")
        XCTAssertNil(Completion(replacementRange: 0..<2, prefix: "cl", candidates: candidates).insertion)
        let differentCase = [CompletionCandidate(text: "Deals"), CompletionCandidate(text: "Deadlines")]
        XCTAssertEqual(Completion(replacementRange: 0..<3, prefix: "dea", candidates: differentCase).insertion, "Dea")
        XCTAssertNil(Completion(replacementRange: 0..<3, prefix: "dex", candidates: differentCase).insertion)
    }

    func testListingLaysCandidatesOutInColumns() {
        let text = CompletionListing.layout(["deals", "clients", "платежи", "Сумма с НДС"], width: 30)
        XCTAssertEqual(text, "deals        платежи\nclients      Сумма с НДС\n")
    }

    private func temporaryDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sverka-completion-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
        for file in ["deals.csv", "платежи.csv", ".hidden.csv", "sub/inner.csv"] {
            _ = FileManager.default.createFile(atPath: directory + "/" + file, contents: Data())
        }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory
    }
}
