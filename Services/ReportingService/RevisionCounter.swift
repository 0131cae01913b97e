internal import GRDB
internal import Synchronization

/// Hands out the `rev` each written fact row gets: strictly increasing across the store, so the
/// in-memory model (``FactModel``) finds what changed since it last loaded with `rev > loaded`.
///
/// Every write happens on the database's one writer connection, one transaction after another,
/// so a transaction committed later always carries larger revisions than any committed before it;
/// a reader's snapshot therefore never misses a row with a revision below the largest it sees.
/// Values of rolled-back writes are skipped, which is harmless. Thread-safe.
final class RevisionCounter: Sendable {
    private let last: Mutex<Int64>

    /// Starts after the largest revision stored.
    init(database: any DatabaseReader) throws {
        let stored = try database.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT max(coalesce((SELECT max(rev) FROM case_fact), 0), coalesce((SELECT max(rev) FROM referral_fact), 0))")
        }
        last = Mutex(stored ?? 0)
    }

    /// The next revision.
    func next() -> Int64 {
        last.withLock { value in
            value += 1
            return value
        }
    }
}
