internal import Synchronization
internal import TiltsMessages

/// A bounded hand-off of events from an ``EventConsumer``'s stream reader to its applier, so the
/// applier can take every event that has arrived and apply them in one transaction.
///
/// One producer task calls ``append(_:)`` and then ``finish(_:)`` exactly once; one consumer task
/// calls ``next(maximum:)`` and ``close()`` when it stops. Each side wakes the other; neither
/// needs cancellation to be woken, because the owner always calls `finish` and `close`.
/// Thread-safe.
final class EventBuffer: Sendable {
    private struct State {
        var items: [Event] = []
        var end: Result<Void, any Error>?
        var closed = false
        var consumer: CheckedContinuation<Void, Never>?
        var producer: CheckedContinuation<Void, Never>?
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds an event; waits while the buffer is full.
    /// - Throws: `CancellationError` once the consumer has closed the buffer.
    func append(_ event: Event) async throws {
        // Fast path, the usual case while the applier keeps up: room at once, no continuation.
        let (added, waiting) = state.withLock { state -> (Bool?, CheckedContinuation<Void, Never>?) in
            if state.closed { return (nil, nil) }
            guard state.items.count < capacity else { return (false, nil) }
            state.items.append(event)
            defer { state.consumer = nil }
            return (true, state.consumer)
        }
        waiting?.resume()
        switch added {
        case .some(true): return
        case .none: throw CancellationError()
        case .some(false): break
        }
        while true {
            // nil: closed; true: added; false: full, woken when there may be room.
            var verdict: Bool? = nil
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let (outcome, consumer) = state.withLock { state -> (Bool?, CheckedContinuation<Void, Never>?) in
                    if state.closed { return (nil, nil) }
                    if state.items.count < capacity {
                        state.items.append(event)
                        defer { state.consumer = nil }
                        return (true, state.consumer)
                    }
                    state.producer = continuation
                    return (false, nil)
                }
                verdict = outcome
                consumer?.resume()
                if outcome != false { continuation.resume() }
            }
            switch verdict {
            case .some(true): return
            case .some(false): continue
            case .none: throw CancellationError()
            }
        }
    }

    /// Marks the end of the stream: cleanly (`nil`) or with the error that ended it.
    func finish(_ error: (any Error)?) {
        let consumer = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.end == nil { state.end = error.map { .failure($0) } ?? .success(()) }
            defer { state.consumer = nil }
            return state.consumer
        }
        consumer?.resume()
    }

    /// Up to `maximum` events, waiting for at least one; nil after a clean end once drained.
    /// - Throws: the error the stream ended with, once the events before it are drained.
    func next(maximum: Int) async throws -> [Event]? {
        while true {
            enum Step { case items([Event]), end(Result<Void, any Error>), wait }
            var step = Step.wait
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let (found, producer) = state.withLock { state -> (Step, CheckedContinuation<Void, Never>?) in
                    if !state.items.isEmpty {
                        let count = min(maximum, state.items.count)
                        let taken = Array(state.items.prefix(count))
                        state.items.removeFirst(count)
                        defer { state.producer = nil }
                        return (.items(taken), state.producer)
                    }
                    if let end = state.end { return (.end(end), nil) }
                    state.consumer = continuation
                    return (.wait, nil)
                }
                step = found
                producer?.resume()
                if case .wait = found { return }
                continuation.resume()
            }
            switch step {
            case .items(let events): return events
            case .end(let result):
                try result.get()
                return nil
            case .wait: continue
            }
        }
    }

    /// The consumer stops: a waiting or later ``append(_:)`` throws.
    func close() {
        let producer = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.closed = true
            state.items.removeAll()
            defer { state.producer = nil }
            return state.producer
        }
        producer?.resume()
    }
}
