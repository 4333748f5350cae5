import Foundation
import SverkaEngine
import SverkaSyntax
import XCTest

final class SQLiteDatabaseTests: XCTestCase {
    func testBindAndStepRoundTripEveryStorageClass() throws {
        let database = try SQLiteDatabase(path: nil)
        try database.execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        let insert = try database.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
        let values: [StoredValue] = [.integer(Int64.min), .real(2.5), .text("ООО \"Ромашка\""), .blob([0, 1, 255]), .null]
        try insert.bind(values)
        XCTAssertFalse(try insert.step())
        XCTAssertEqual(database.changes, 1)

        let select = try database.prepare("SELECT i, r, s, b, n FROM t")
        XCTAssertTrue(try select.step())
        XCTAssertEqual(select.columnCount, 5)
        XCTAssertEqual(select.columnName(2), "s")
        XCTAssertEqual((0..<5).map { select.storedValue(at: $0) }, values)
        XCTAssertEqual(select.int64(at: 0), Int64.min)
        XCTAssertEqual(select.double(at: 1), 2.5)
        XCTAssertEqual(select.text(at: 2), "ООО \"Ромашка\"")
        XCTAssertTrue(select.isNull(at: 4))
        XCTAssertFalse(try select.step())
    }

    func testEmptyTextStaysTextNotNull() throws {
        let database = try SQLiteDatabase(path: nil)
        let select = try database.prepare("SELECT ? IS NULL, typeof(?)")
        try select.bind(.text(""), at: 1)
        try select.bind(.text(""), at: 2)
        XCTAssertTrue(try select.step())
        XCTAssertEqual(select.int64(at: 0), 0)
        XCTAssertEqual(select.text(at: 1), "text")
    }

    func testResetAndRebindReusesAStatement() throws {
        let database = try SQLiteDatabase(path: nil)
        let select = try database.prepare("SELECT ? * 2")
        var results: [Int64] = []
        for value in [1, 2, 3] as [Int64] {
            try select.bind([.integer(value)])
            XCTAssertTrue(try select.step())
            results.append(select.int64(at: 0))
            select.reset()
            select.clearBindings()
        }
        XCTAssertEqual(results, [2, 4, 6])
    }

    func testWrongParameterCountIsADiagnostic() throws {
        let database = try SQLiteDatabase(path: nil)
        let select = try database.prepare("SELECT ?, ?")
        XCTAssertThrowsError(try select.bind([.integer(1)])) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the SQL takes 2 parameters, 1 given")
        }
    }

    func testSQLErrorsAreReadableWithTheSQLAsHint() throws {
        let database = try SQLiteDatabase(path: nil)
        XCTAssertThrowsError(try database.prepare("SELECT nope FROM nowhere")) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "SQL error: no such table: nowhere")
            XCTAssertEqual(diagnostic?.hints, ["in SQL: SELECT nope FROM nowhere"])
        }
        XCTAssertEqual(database.lastError?.code, 1)
        XCTAssertThrowsError(try database.prepare("SELECT 1; SELECT 2")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "only one SQL statement can be prepared at a time")
        }
        XCTAssertNoThrow(try database.prepare("SELECT 1; -- a comment"))
    }

    func testIntegerOverflowInSumHasItsOwnMessage() throws {
        let database = try SQLiteDatabase(path: nil)
        try database.execute("CREATE TABLE t(a INTEGER); INSERT INTO t VALUES (9223372036854775807), (1)")
        let sum = try database.prepare("SELECT sum(a) FROM t")
        XCTAssertThrowsError(try sum.step()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "integer overflow")
        }
    }

    func testConstraintViolationNamesTheConstraint() throws {
        let database = try SQLiteDatabase(path: nil)
        try database.execute("CREATE TABLE t(a INTEGER PRIMARY KEY)")
        try database.execute("INSERT INTO t VALUES (1)")
        XCTAssertThrowsError(try database.execute("INSERT INTO t VALUES (1)")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "constraint failed: UNIQUE constraint failed: t.a")
        }
        XCTAssertEqual(database.lastError?.extendedCode, 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY
    }

    func testTransactionRollsBackAndRethrowsTheOriginalError() throws {
        struct Boom: Error, Equatable {}
        let database = try SQLiteDatabase(path: nil)
        try database.execute("CREATE TABLE t(a INTEGER)")
        XCTAssertThrowsError(try database.transaction { () throws -> Void in
            try database.execute("INSERT INTO t VALUES (1)")
            throw Boom()
        }) { error in
            XCTAssertEqual(error as? Boom, Boom())
        }
        XCTAssertFalse(database.isInTransaction)
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM t"), .integer(0))

        let value = try database.transaction { () throws -> Int in
            try database.execute("INSERT INTO t VALUES (2)")
            return 7
        }
        XCTAssertEqual(value, 7)
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM t"), .integer(1))
    }

    func testNestedTransactionRollsBackOnlyItsOwnPart() throws {
        let database = try SQLiteDatabase(path: nil)
        try database.execute("CREATE TABLE t(a INTEGER)")
        try database.inTransaction { () throws(Diagnostic) in
            try database.execute("INSERT INTO t VALUES (1)")
            XCTAssertThrowsError(try database.inTransaction { () throws(Diagnostic) in
                try database.execute("INSERT INTO t VALUES (2)")
                throw Diagnostic("inner failure")
            })
            XCTAssertTrue(database.isInTransaction)
        }
        XCTAssertEqual(try database.query("SELECT a FROM t") { $0.int64(at: 0) }, [1])
    }

    func testInterruptFromAnotherThreadEndsALongQuery() throws {
        let database = try SQLiteDatabase(path: nil)
        let handle = database.interruptHandle
        let finished = Flag()
        // Interrupt repeatedly: one sent before the statement starts would be forgotten by SQLite.
        Thread.detachNewThread {
            while !finished.isSet {
                Thread.sleep(forTimeInterval: 0.1)
                handle.interrupt()
            }
        }
        defer { finished.set() }
        let endless = try database.prepare(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
        let started = Date()
        XCTAssertThrowsError(try endless.step()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "query interrupted")
        }
        XCTAssertEqual(database.lastError?.isInterrupt, true)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        finished.set()
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(try database.scalar("SELECT 40 + 2"), .integer(42))
    }

    func testInterruptAfterCloseIsHarmless() throws {
        var database: SQLiteDatabase? = try SQLiteDatabase(path: nil)
        let handle = try XCTUnwrap(database).interruptHandle
        database = nil
        handle.interrupt()
        XCTAssertNil(database)
    }

    func testFileDatabaseUsesWALAndIsPrivate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sverka-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("w.db").path
        let database = try SQLiteDatabase(path: path)
        XCTAssertEqual(try database.scalar("PRAGMA journal_mode"), .text("wal"))
        XCTAssertEqual(try database.scalar("PRAGMA synchronous"), .integer(1))
        XCTAssertEqual(try database.scalar("PRAGMA foreign_keys"), .integer(0))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }
}

/// A flag shared with a helper thread.
final class Flag: @unchecked Sendable {
    private var value = false
    private let lock = NSLock()

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
