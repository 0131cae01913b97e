public import TiltsMessages
internal import Synchronization

/// The serving status of each service in a process, which the health service reports.
///
/// The empty name stands for the process as a whole. A process sets its services SERVING once it
/// is ready and NOT_SERVING when it begins to drain, so load balancers and probes stop sending.
/// Thread-safe.
public final class HealthStatusRegistry: Sendable {
    public typealias ServingStatus = HealthCheckResponse.ServingStatus

    private struct State {
        var statuses: [String: ServingStatus] = [:]
        var watchers: [Int: (service: String, continuation: AsyncStream<ServingStatus>.Continuation)] = [:]
        var nextWatcher = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Sets one service's status and tells its watchers if it changed.
    public func set(_ service: String, _ status: ServingStatus) {
        let watchers = state.withLock { state -> [AsyncStream<ServingStatus>.Continuation] in
            let old = state.statuses.updateValue(status, forKey: service)
            guard old != status else { return [] }
            return state.watchers.values.filter { $0.service == service }.map(\.continuation)
        }
        for watcher in watchers { watcher.yield(status) }
    }

    /// Sets every known service, and the process, to `status` (used when draining).
    public func setAll(_ status: ServingStatus) {
        let services = state.withLock { Array($0.statuses.keys) }
        for service in services { set(service, status) }
        set("", status)
    }

    /// The status of `service`, or nil when the process does not know it.
    public func status(of service: String) -> ServingStatus? {
        state.withLock { $0.statuses[service] }
    }

    /// The service's status now and then each change, until the consumer stops iterating.
    public func watch(_ service: String) -> AsyncStream<ServingStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServingStatus.self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state -> Int in
            let id = state.nextWatcher
            state.nextWatcher += 1
            state.watchers[id] = (service, continuation)
            continuation.yield(state.statuses[service] ?? .serviceUnknown)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        return stream
    }
}
