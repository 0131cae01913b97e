internal import NIOCore
internal import Synchronization

/// The connections a server has accepted, so shutdown can ask each to drain and wait for them.
///
/// Thread-safe; channels remove themselves when they close.
final class ConnectionTracker: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var shuttingDown = false
        var emptyWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Registers a new connection, and says whether shutdown has already begun: such a late
    /// connection is still served, but told at once to drain (GOAWAY), so its client goes elsewhere
    /// cleanly instead of seeing a reset.
    /// - Returns: true when the connection came in after shutdown began.
    func add(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let shuttingDown = state.withLock { state -> Bool in
            state.channels[id] = channel
            return state.shuttingDown
        }
        channel.closeFuture.whenComplete { _ in
            let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.channels[id] = nil
                guard state.channels.isEmpty else { return [] }
                defer { state.emptyWaiters.removeAll() }
                return state.emptyWaiters
            }
            for waiter in waiters { waiter.resume() }
        }
        return shuttingDown
    }

    /// Refuses new connections from now on and returns the open ones.
    func beginShutdown() -> [any Channel] {
        state.withLock { state in
            state.shuttingDown = true
            return Array(state.channels.values)
        }
    }

    func snapshot() -> [any Channel] {
        state.withLock { Array($0.channels.values) }
    }

    /// Waits until no connection is open; false if `timeout` passed first.
    func waitUntilEmpty(timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let empty = self.state.withLock { state -> Bool in
                        if state.channels.isEmpty { return true }
                        state.emptyWaiters.append(continuation)
                        return false
                    }
                    if empty { continuation.resume() }
                }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            if !first {
                // Release the waiter still parked on the empty signal.
                let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
                    defer { state.emptyWaiters.removeAll() }
                    return state.emptyWaiters
                }
                for waiter in waiters { waiter.resume() }
            }
            group.cancelAll()
            return first
        }
    }
}
