public import GRDB
public import Logging
internal import Foundation

/// One service's SQLite store: a GRDB `DatabasePool` (WAL, `synchronous=FULL`) whose writes are
/// group-committed and acknowledged only once durable.
///
/// Open it once per process, before the listener opens: ``init(path:migrator:logger:)`` creates
/// the file, registers TiltsStore's own migrations (outbox, consumer cursors, idempotency keys,
/// named `tilts-store-…`) and runs them before the service's `migrator`. Keep the instance for the
/// life of the process; the file is closed when the last reference goes.
///
/// Writes go through ``write(_:)``: concurrent callers share one transaction and one fsync (see
/// `GroupCommitter`). Reads go through ``read(_:)`` on a pool of reader connections and never wait
/// for writes. Neither blocks the calling thread: the work runs on GRDB's dispatch queues and the
/// caller's task suspends, so both are safe to await from a gRPC handler on an event loop.
///
/// Thread-safe; share one instance between all tasks.
///
/// ```swift
/// var migrator = DatabaseMigrator()
/// migrator.registerMigration("v1-referrals") { db in
///     try db.execute(sql: "CREATE TABLE referral (id TEXT PRIMARY KEY, municipality TEXT NOT NULL)")
/// }
/// let database = try ServiceDatabase(path: "/var/lib/tilts/referral.sqlite", migrator: migrator, logger: logger)
/// let sequence = try await database.write { db in
///     try db.execute(sql: "INSERT INTO referral VALUES (?, ?)", arguments: [id, "riga"])
///     return try db.appendEvent(kind: "ReferralSubmitted", caseID: id, payload: submitted, source: "referral")
/// }
/// ```
///
/// Do not set `eraseDatabaseOnSchemaChange` on the service's migrator: it would erase the store's
/// own tables, which that migrator does not know.
public final class ServiceDatabase: Sendable {
    /// The underlying pool. Use it for migrations and tests; service code writes through
    /// ``write(_:)`` so it gets group commit (direct writes still wake event tails).
    public let writer: any DatabaseWriter
    /// Signals `WatchEvents` tails after commits that appended events.
    public let events: EventNotifier
    /// The database file.
    public let path: String

    private let committer: GroupCommitter
    private let outboxObserver: OutboxObserver
    private let logger: Logger

    /// Opens (creating if needed) the database at `path` and migrates it.
    ///
    /// - Parameters:
    ///   - path: the SQLite file; its directory must exist.
    ///   - migrator: the service's own migrations, run after TiltsStore's.
    ///   - logger: where opening, migrations and failed batches are logged (never row contents).
    /// - Throws: ``StoreError`` `.openFailed` when the file cannot be opened, `.migrationFailed`
    ///   when a migration throws.
    public init(path: String, migrator: DatabaseMigrator, logger: Logger = Logger(label: "tilts.store")) throws {
        var configuration = Configuration()
        configuration.label = "tilts.store"
        configuration.busyMode = .timeout(10)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // DatabasePool turns WAL on and sets synchronous=NORMAL on its writer connection,
            // which may lose the last commits on power loss. FULL makes every COMMIT fsync the
            // WAL, so a write is acknowledged only once it is durable. The writer connection
            // lives as long as the pool, so this holds for every write.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw StoreError(code: .openFailed, message: "could not open the database at \(path)", cause: error)
        }
        do {
            try StoreMigrations.migrator.migrate(pool)
            try migrator.migrate(pool)
        } catch {
            throw StoreError(code: .migrationFailed, message: "could not migrate the database at \(path)", cause: error)
        }
        let latest = try pool.read { db in try OutboxRecord.latestSequence(db) }
        self.writer = pool
        self.path = path
        self.logger = logger
        self.events = EventNotifier(latestSequence: latest)
        self.outboxObserver = OutboxObserver(notifier: events)
        self.committer = GroupCommitter(writer: pool, logger: logger)
        pool.add(transactionObserver: outboxObserver, extent: .observerLifetime)
        logger.info("database open", metadata: ["path": "\(path)", "latest-sequence": "\(latest)"])
    }

    /// A database in a new temporary directory, for tests. The files stay until the OS cleans
    /// the temporary directory.
    public static func temporary(
        migrator: DatabaseMigrator = DatabaseMigrator(), logger: Logger = Logger(label: "tilts.store.test")
    ) throws -> ServiceDatabase {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tilts-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try ServiceDatabase(
            path: directory.appendingPathComponent("service.sqlite").path, migrator: migrator, logger: logger)
    }

    /// Runs `body` in a write transaction that is durable (fsync'd) before this returns.
    ///
    /// Concurrent callers are group-committed: one transaction on the writer queue runs every
    /// pending body, each inside its own SAVEPOINT, then one COMMIT (one fsync) resumes them all.
    /// A body that throws rolls back only its own changes and its error is thrown here; the
    /// others commit. `body` must not begin or commit transactions itself (savepoints are fine)
    /// and must not await anything: it runs on GRDB's writer queue.
    ///
    /// Once `body` has started, the write runs to its end even if the calling task is cancelled.
    ///
    /// - Returns: what `body` returned, after the commit.
    /// - Throws: the error `body` threw, or the database error that failed the commit (then
    ///   nothing of this body was stored). A full disk (`SQLITE_FULL`, whether the body's own
    ///   statement or the commit hit it) is thrown as ``StoreError`` `.diskFull`, which clients
    ///   see as RESOURCE_EXHAUSTED, and logged; writes succeed again once space is freed.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await committer.submit(body)
        } catch {
            guard let full = Self.diskFull(error) else { throw error }
            logger.error(
                "the store's disk is full: a write was refused; free space on the database's file system",
                metadata: ["path": "\(path)", "error": "\(LogSafe.describe(full))"])
            throw StoreError(code: .diskFull, message: "the disk holding \(path) is full", cause: full)
        }
    }

    /// The `SQLITE_FULL` error behind `error` (itself, or the cause of a rolled-back group commit).
    static func diskFull(_ error: any Error) -> DatabaseError? {
        switch error {
        case let error as DatabaseError where error.resultCode == .SQLITE_FULL:
            return error
        case let error as StoreError where error.code == .rolledBack || error.code == .diskFull:
            return error.cause.flatMap { diskFull($0) }
        default:
            return nil
        }
    }

    /// Runs `body` in a read transaction on one of the pool's reader connections; it sees every
    /// write acknowledged before this call.
    ///
    /// - Throws: the error `body` threw, a database error, or `CancellationError` when the task is
    ///   cancelled before the read starts.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.read(body)
    }
}
