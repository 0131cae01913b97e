internal import Logging
internal import TiltsHealth
internal import TiltsMessages
internal import TiltsRPC

/// Keeps the gateway's health registry equal to the routed services' health.
///
/// Every `interval` it asks each upstream `grpc.health.v1.Health/Check("")` over its persistent
/// connection, and sets in the registry: each upstream's service name to its answer, the gateway's
/// own services to SERVING, and the whole process ("") to SERVING only when every routed service
/// answered SERVING. Stopping (graceful shutdown) sets everything NOT_SERVING and stops polling.
final class UpstreamHealthMonitor: Sendable {
    let upstreams: [Upstream]
    let registry: HealthStatusRegistry
    let ownServices: [String]
    let interval: Duration
    let logger: Logger

    init(upstreams: [Upstream], registry: HealthStatusRegistry, ownServices: [String], interval: Duration, logger: Logger) {
        self.upstreams = upstreams
        self.registry = registry
        self.ownServices = ownServices
        self.interval = interval
        self.logger = logger
    }

    /// Polls until the task is cancelled.
    func run() async {
        var previous: [String: HealthCheckResponse.ServingStatus] = [:]
        while !Task.isCancelled {
            await poll(&previous)
            try? await Task.sleep(for: interval)
        }
    }

    /// One round: asks every upstream at once and updates the registry.
    func poll(_ previous: inout [String: HealthCheckResponse.ServingStatus]) async {
        let timeout = min(interval, .seconds(1))
        let statuses = await withTaskGroup(of: (Upstream, HealthCheckResponse.ServingStatus).self) { group in
            for upstream in upstreams {
                group.addTask {
                    let client = HealthClient(client: RPCClient(transport: upstream.connection))
                    let status = (try? await client.check(service: "", timeout: timeout)) ?? .notServing
                    return (upstream, status)
                }
            }
            var statuses: [(Upstream, HealthCheckResponse.ServingStatus)] = []
            for await result in group { statuses.append(result) }
            return statuses
        }
        guard !Task.isCancelled else { return }
        for name in ownServices { registry.set(name, .serving) }
        var all = true
        for (upstream, status) in statuses {
            registry.set(upstream.serviceName, status)
            if status != .serving { all = false }
            if previous[upstream.name] != status {
                logger.info("upstream health", metadata: ["upstream": "\(upstream.name)", "status": "\(status)"])
                previous[upstream.name] = status
            }
        }
        registry.set("", all ? .serving : .notServing)
    }
}
