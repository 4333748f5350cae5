import Foundation
import SverkaEngine
import SverkaSyntax

/// `load api "URL" as NAME [with (…)]`: the records of a JSON API, page by page, into a table,
/// replacing it atomically like a file load.
enum LoadAPICommand {
    static func run(url text: String, span: Span, table: Name, invocation: CommandInvocation,
                    session: Session) throws(Diagnostic) {
        let url = try RESTURL.parse(text, at: span)
        var entries: [OptionEntry] = []
        if case .options(let written)? = invocation.clause("with")?.value { entries = written }
        let read: LoadAPIOptionReader.Read
        do throws(Diagnostic) {
            read = try LoadAPIOptionReader.read(entries, url: url, vault: session.privacy.secrets)
        } catch {
            throw located(error, at: span)
        }
        let shown = RESTURL.display(url, hiding: read.options.credentials.hiddenParameter)
        let line = LoadAPIProgressLine(label: shown)
        var progress: (@Sendable (RESTProgress) -> Void)?
        if let line { progress = { line.update($0) } }
        let report: RESTLoadReport
        do throws(Diagnostic) {
            report = try RESTLoader().load(read.options, table: table.text, columnTypes: read.columnTypes,
                                           into: session.workspace, progress: progress)
        } catch {
            line?.finish()
            throw located(error, at: span)
        }
        line?.finish()
        session.counters.rowsLoaded += report.load.rows
        session.messages.write(LoadAPIMessages.summary(report, url: shown))
    }
}
