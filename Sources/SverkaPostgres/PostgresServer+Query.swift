import Foundation
import PostgresNIO
import SverkaSyntax

extension PostgresServer {
    /// Runs one statement with the extended protocol. Parameters `$1`, `$2`… are bound as
    /// text (nil is NULL): the SQL casts them where another type is meant (`$1::date`).
    ///
    /// `columns` is called once, even for no rows, then `row` for each row as it arrives. Every
    /// column must be of a text type (`…::text` in the SQL; `PostgresTypeMapping.textCast`).
    /// When a callback throws, the rest of the result is skipped, the connection stays usable,
    /// and the callback's error is rethrown.
    public func query(_ sql: String, parameters: [String?] = [],
                      columns: ([PostgresResultColumn]) throws(Diagnostic) -> Void,
                      row: ([String?]) throws(Diagnostic) -> Void) throws(Diagnostic) {
        do {
            try queryReportingFailure(sql, parameters: parameters, columns: columns, row: row)
        } catch {
            throw error.diagnostic
        }
    }

    /// `query`, throwing the server's SQLSTATE and error position along with the message.
    public func queryReportingFailure(_ sql: String, parameters: [String?] = [],
                                      columns: ([PostgresResultColumn]) throws(Diagnostic) -> Void,
                                      row: ([String?]) throws(Diagnostic) -> Void) throws(PostgresQueryFailure) {
        let connection = try begin()
        defer { end() }
        let statement = Self.statement(sql, parameters: parameters)
        let handOff = RowHandOff()
        let address = self.address
        let reader = Task {
            await Self.read(statement, on: connection, into: handOff)
        }
        var callbackError: Diagnostic
        reading: while true {
            switch handOff.next() {
            case .columns(let described):
                do {
                    try columns(described)
                } catch {
                    callbackError = error
                    break reading
                }
            case .rows(let batch):
                for values in batch {
                    do {
                        try row(values)
                    } catch {
                        callbackError = error
                        break reading
                    }
                }
            case .finished(let error):
                guard let error else { return }
                // The reader's own refusal (a column not of text) leaves the rest of the result unread.
                if error is Diagnostic { settle(connection) }
                throw PostgresErrorTranslation.failure(error, address: address)
            }
        }
        stopReading(reader, handOff, on: connection)
        throw PostgresQueryFailure(diagnostic: callbackError)
    }

    /// Stops a result the caller no longer wants, so that the connection is free for the next
    /// statement when this returns.
    ///
    /// Once the reader lets go of the rows, postgres-nio reads and drops the rest of the result
    /// before it sends the next statement. A `SELECT 1` sent behind it shows when that is done;
    /// when it has not come back within `drainGrace`, the server is asked to cancel the
    /// statement, as psql does on Ctrl-C, rather than send millions of rows nobody reads. Inside
    /// a transaction a cancelled statement aborts the transaction: the caller, who is throwing,
    /// rolls it back.
    private func stopReading(_ reader: Task<Void, Never>, _ handOff: RowHandOff, on connection: PostgresConnection) {
        // Cancelling the task stops a reader waiting for the server, not only one waiting for room.
        reader.cancel()
        handOff.abandon()
        handOff.waitUntilFinished()
        settle(connection)
    }

    /// Returns once a result left unread has been dropped, asking the server to cancel the
    /// statement when that takes longer than `drainGrace`.
    private func settle(_ connection: PostgresConnection) {
        let marker = Outcome<Void>()
        Task {
            do {
                for try await _ in try await connection.query("SELECT 1", logger: PostgresServer.logger) {}
                marker.complete(.success(()))
            } catch {
                marker.complete(.failure(error))
            }
        }
        if marker.wait(before: Date(timeIntervalSinceNow: Self.drainGrace)) == nil {
            // Awaited, so that the cancel cannot reach the server after the next statement started.
            _ = BlockingWait.run { [self] in await self.cancelOnServer() }
            _ = marker.wait()
        }
    }

    /// How long dropping the rest of a result may take before the server is asked to stop.
    static let drainGrace: TimeInterval = 0.25

    /// Runs a statement whose rows, if any, are not wanted: BEGIN, COMMIT, CREATE, SET.
    public func execute(_ sql: String, parameters: [String?] = []) throws(Diagnostic) {
        do {
            try executeReportingFailure(sql, parameters: parameters)
        } catch {
            throw error.diagnostic
        }
    }

    /// `execute`, throwing the server's SQLSTATE and error position along with the message.
    public func executeReportingFailure(_ sql: String, parameters: [String?] = []) throws(PostgresQueryFailure) {
        let connection = try begin()
        defer { end() }
        let statement = Self.statement(sql, parameters: parameters)
        let outcome = BlockingWait.run {
            for try await _ in try await connection.query(statement, logger: PostgresServer.logger) {}
        }
        if case .failure(let error) = outcome { throw PostgresErrorTranslation.failure(error, address: address) }
    }

    /// The first column of the first row (a text column), or nil when there is no row or it is null.
    public func scalarText(_ sql: String, parameters: [String?] = []) throws(Diagnostic) -> String? {
        var value: String?
        var seen = false
        try query(sql, parameters: parameters, columns: { _ in }, row: { values in
            if !seen { value = values.first ?? nil }
            seen = true
        })
        return value
    }

    static func statement(_ sql: String, parameters: [String?]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: parameters.count)
        for parameter in parameters { bindings.append(parameter) }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// The reading task: asks for the result and passes it on a batch at a time, stopping when
    /// the caller no longer wants rows. Leaving the loop early drops the row sequence, which
    /// makes postgres-nio discard the rest of the result so the connection is free again.
    private static func read(_ statement: PostgresQuery, on connection: PostgresConnection,
                             into handOff: RowHandOff) async {
        do {
            let rows = try await connection.query(statement, logger: logger)
            let columns = rows.columns.map {
                PostgresResultColumn(name: $0.name, typeOID: $0.dataType.rawValue, typeModifier: $0.dataTypeModifier)
            }
            handOff.deliver(columns: columns)
            let notText = columns.first { !PostgresTypeMapping.textTypes.contains($0.typeOID) }
            var batch: [[String?]] = []
            batch.reserveCapacity(RowHandOff.batchSize)
            for try await row in rows {
                if let notText { throw notTextDiagnostic(notText) }
                var values: [String?] = []
                values.reserveCapacity(columns.count)
                for cell in row { values.append(cell.bytes.map { String(buffer: $0) }) }
                batch.append(values)
                if batch.count == RowHandOff.batchSize {
                    guard await handOff.deliver(rows: batch) else { throw CancellationError() }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = await handOff.deliver(rows: batch) }
            handOff.finish(nil)
        } catch {
            handOff.finish(error)
        }
    }

    /// Cells are read as text; a column of another type would arrive in PostgreSQL's binary
    /// form. The SQL sverka generates casts every column, so this is a mistake in that SQL.
    private static func notTextDiagnostic(_ column: PostgresResultColumn) -> Diagnostic {
        Diagnostic("the result column '\(column.name)' has the PostgreSQL type OID \(column.typeOID), not text",
                   hints: ["cast it to text in the query: \(PostgresIdentifier.quoted(column.name))::text"])
    }
}
