internal import Synchronization

/// Wakes `WatchEvents` tails when new events are committed.
///
/// It holds the highest outbox sequence known to be committed. ``ServiceDatabase`` publishes to
/// it from a transaction observer *after* each commit that inserted events, never before, so a
/// read started after a tail wakes always sees the events it was woken for. A tail reads
/// ``latestSequence``, reads the outbox, then calls ``wait(after:)`` with the last sequence it
/// covered.
///
/// ``shutDown()`` ends every tail (their `wait` throws ``StoreError`` `.shuttingDown`), so a
/// server's graceful shutdown is not held up by streams that never end by themselves.
///
/// Owned by its ``ServiceDatabase``. Thread-safe: any task may wait, any thread may publish.
public final class EventNotifier: Sendable {
    private struct Waiter {
        let after: Int64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var latest: Int64
        var isShutDown = false
        var waiters: [UInt64: Waiter] = [:]
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    init(latestSequence: Int64) {
        state = Mutex(State(latest: latestSequence))
    }

    /// The highest committed sequence published so far.
    public var latestSequence: Int64 {
        state.withLock { $0.latest }
    }

    /// The number of tails waiting now (for metrics and tests).
    public var waitingCount: Int {
        state.withLock { $0.waiters.count }
    }

    /// Returns once an event with a sequence above `sequence` has been committed (at once if one
    /// already has).
    ///
    /// - Throws: `CancellationError` when the task is cancelled (e.g. the client went away),
    ///   ``StoreError`` `.shuttingDown` after ``shutDown()``.
    public func wait(after sequence: Int64) async throws {
        let id = state.withLock { state -> UInt64 in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate = state.withLock { state -> Result<Void, any Error>? in
                    if state.isShutDown { return .failure(Self.shutDownError) }
                    if state.latest > sequence { return .success(()) }
                    // Checked under the lock: a cancellation handler that already ran found no
                    // waiter, so this must not add one.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters[id] = Waiter(after: sequence, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Records that events up to `sequence` are committed and wakes the tails waiting for them.
    /// Lower values than the current one are ignored.
    public func publish(_ sequence: Int64) {
        let woken = state.withLock { state -> [Waiter] in
            guard sequence > state.latest else { return [] }
            state.latest = sequence
            var woken: [Waiter] = []
            for (id, waiter) in state.waiters where waiter.after < sequence {
                woken.append(waiter)
                state.waiters.removeValue(forKey: id)
            }
            return woken
        }
        for waiter in woken { waiter.continuation.resume() }
    }

    /// Ends every tail now and any that waits later. Call it when the service begins its graceful
    /// shutdown, so `WatchEvents` streams finish and clients reconnect elsewhere or later.
    public func shutDown() {
        let waiters = state.withLock { state -> [Waiter] in
            state.isShutDown = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: Self.shutDownError) }
    }

    private static var shutDownError: StoreError {
        StoreError(code: .shuttingDown, message: "the event stream ended because the service is shutting down")
    }
}
