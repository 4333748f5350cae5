import PostgresNIO
import SverkaSyntax

extension PostgresServer {
    /// Sends rows into a table with `COPY … FROM STDIN` (text format), as fast as the server
    /// takes them. `produce` calls `send` once per row, its values in the order of `columns`
    /// (nil is NULL); rows go to the server in chunks of about 64 KiB while `produce` runs.
    ///
    /// Names are given unquoted and quoted here. The copy is one statement: when `produce`
    /// throws or the server refuses a row, no row of it stays. Several copies are one
    /// transaction only inside BEGIN … COMMIT.
    public func copy(into table: String, inSchema schema: String? = nil, columns: [String],
                     rows produce: (_ send: ([String?]) throws(Diagnostic) -> Void) throws(Diagnostic) -> Void) throws(Diagnostic) {
        do {
            try copyReportingFailure(into: table, inSchema: schema, columns: columns, rows: produce)
        } catch {
            throw error.diagnostic
        }
    }

    /// `copy`, throwing the server's SQLSTATE along with the message.
    public func copyReportingFailure(into table: String, inSchema schema: String? = nil, columns: [String],
                                     rows produce: (_ send: ([String?]) throws(Diagnostic) -> Void) throws(Diagnostic) -> Void) throws(PostgresQueryFailure) {
        let connection = try begin()
        defer { end() }
        // postgres-nio writes `COPY "<table>" ("<column>", …)` as given: passing the inside of
        // each quoted name (and `schema"."table`) makes that the properly quoted statement.
        let target = (schema.map { PostgresIdentifier.quotedInside($0) + "\".\"" } ?? "") + PostgresIdentifier.quotedInside(table)
        let quotedColumns = columns.map(PostgresIdentifier.quotedInside)
        let handOff = CopyHandOff()
        let outcome = Outcome<Void>()
        Task {
            do {
                try await connection.copyFrom(table: target, columns: quotedColumns, logger: PostgresServer.logger) { writer in
                    while let chunk = try await handOff.next() { try await writer.write(chunk) }
                }
                handOff.writerStopped()
                outcome.complete(.success(()))
            } catch {
                handOff.writerStopped()
                outcome.complete(.failure(error))
            }
        }

        let name = (schema.map { $0 + "." } ?? "") + table
        var encoder = CopyTextEncoder(reservingCapacity: CopyHandOff.chunkSize + 4096)
        var rowNumber = 0
        var writerStoppedEarly = false
        var producerError: Diagnostic?
        do {
            try produce { (values: [String?]) throws(Diagnostic) in
                rowNumber += 1
                if !columns.isEmpty && values.count != columns.count {
                    throw Diagnostic("row \(rowNumber) for \(name) has \(values.count) values; the copy has \(columns.count) columns",
                                     hints: ["send one value per column, nil for null"])
                }
                encoder.append(row: values)
                if encoder.bytes.count >= CopyHandOff.chunkSize, !handOff.send(ByteBuffer(bytes: encoder.take())) {
                    writerStoppedEarly = true
                    throw Diagnostic("the server stopped the copy into \(name)")
                }
            }
            if !encoder.bytes.isEmpty, !handOff.send(ByteBuffer(bytes: encoder.take())) { writerStoppedEarly = true }
            handOff.finish(failed: false)
        } catch {
            producerError = error
            handOff.finish(failed: true)
        }

        let result = outcome.wait()
        // The server's reason beats "stopped", which only says that there was one.
        if let producerError, !writerStoppedEarly { throw PostgresQueryFailure(diagnostic: producerError) }
        if case .failure(let error) = result { throw PostgresErrorTranslation.failure(error, address: address) }
        if let producerError { throw PostgresQueryFailure(diagnostic: producerError) }
    }
}
