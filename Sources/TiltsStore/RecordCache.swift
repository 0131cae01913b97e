public import GRDB
internal import Synchronization

/// A bounded read-through cache of records by id, kept exact by invalidation after commit.
///
/// Point reads of hot records (GetReferral, GetCase) are served from memory without a hop to a
/// database reader thread. Correctness rests on two rules:
/// - every write that changes a cached record calls ``invalidateAfterCommit(_:_:)`` inside its
///   transaction; the key is dropped, and a generation counter bumped, once the transaction commits;
/// - a reader fills the cache through ``value(for:load:)``, which stores what it loaded only if no
///   invalidation happened while it was loading, so a value read before a commit never outlives it.
///
/// Eviction is least-recently-filled (a FIFO ring), which is enough for a working set of recent
/// cases. Thread-safe.
public final class RecordCache<Value: Sendable>: Sendable {
    private struct State {
        var entries: [String: Value] = [:]
        var order: [String] = []
        var next = 0
        var generation: UInt64 = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    /// - Parameter capacity: the most records kept.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The cached value, or the loaded one (cached when no write intervened), or nil when `load`
    /// finds nothing (absence is not cached).
    public func value(for key: String, load: () async throws -> Value?) async rethrows -> Value? {
        let (cached, generation) = state.withLock { ($0.entries[key], $0.generation) }
        if let cached { return cached }
        guard let loaded = try await load() else { return nil }
        state.withLock { state in
            guard state.generation == generation, state.entries[key] == nil else { return }
            if state.order.count < capacity {
                state.order.append(key)
            } else {
                state.entries[state.order[state.next]] = nil
                state.order[state.next] = key
                state.next = (state.next + 1) % capacity
            }
            state.entries[key] = loaded
        }
        return loaded
    }

    /// Drops `key` once the current transaction commits (and never if it rolls back).
    public func invalidateAfterCommit(_ key: String, _ db: Database) {
        db.afterNextTransaction { [self] _ in invalidate(key) }
    }

    /// Drops `key` now and makes fills that started before this moment not store their value.
    public func invalidate(_ key: String) {
        state.withLock { state in
            state.generation &+= 1
            if state.entries.removeValue(forKey: key) != nil, let index = state.order.firstIndex(of: key) {
                state.order.remove(at: index)
                if state.next > index { state.next -= 1 }
                if state.next >= max(1, state.order.count) { state.next = 0 }
            }
        }
    }

    /// How many records are cached.
    public var count: Int { state.withLock { $0.entries.count } }
}
