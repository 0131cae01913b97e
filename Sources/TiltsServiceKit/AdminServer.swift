public import ServiceLifecycle
public import Logging
public import Prometheus
public import TiltsHealth
internal import NIOCore
internal import NIOPosix
internal import NIOHTTP1

/// The loopback admin port: HTTP/1.1 with `GET /metrics` (the Prometheus text format of
/// ``ServiceMetrics/registry``) and `GET /healthz` (200 `SERVING` while the process serves, 503
/// otherwise, from the health registry's whole-process status).
///
/// It binds 127.0.0.1 only: the port is for a scraper or probe on the same host, never exposed.
/// Start it as a `Service` in the process's group, listed before the gRPC server so that it stays
/// up while the server drains; graceful shutdown closes the listener and returns. The event loop
/// group belongs to the caller. Thread-safe.
///
/// ```swift
/// let admin = AdminServer(port: 9464, registry: metrics.registry, health: health, logger: logger)
/// ```
public struct AdminServer: Service, CustomStringConvertible {
    /// The loopback port; 0 picks a free one (logged at start).
    public let port: Int
    public let registry: PrometheusCollectorRegistry
    public let health: HealthStatusRegistry
    let logger: Logger
    let group: any EventLoopGroup

    public init(
        port: Int, registry: PrometheusCollectorRegistry, health: HealthStatusRegistry, logger: Logger
    ) {
        self.init(port: port, registry: registry, health: health, logger: logger, group: MultiThreadedEventLoopGroup.singleton)
    }

    init(
        port: Int, registry: PrometheusCollectorRegistry, health: HealthStatusRegistry, logger: Logger,
        group: any EventLoopGroup
    ) {
        self.port = port
        self.registry = registry
        self.health = health
        self.logger = logger
        self.group = group
    }

    public var description: String { "AdminServer(127.0.0.1:\(port))" }

    /// Binds, serves until graceful shutdown or cancellation, then closes the listener.
    /// - Throws: when the port cannot be bound (e.g. in use): a process-level error.
    public func run() async throws {
        let registry = registry
        let health = health
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMap {
                        channel.pipeline.addHandler(AdminHTTPHandler(registry: registry, health: health))
                    }
                }
                .childChannelOption(.maxMessagesPerRead, value: 1)
                .bind(host: "127.0.0.1", port: port)
                .get()
        } catch {
            throw ServiceConfigurationError("cannot listen on admin port 127.0.0.1:\(port): \(error)")
        }
        logger.info("admin port listening", metadata: ["address": "127.0.0.1:\(channel.localAddress?.port ?? port)"])
        await withTaskCancellationHandler {
            try? await gracefulShutdown()
        } onCancel: {
            channel.close(promise: nil)
        }
        try? await channel.close()
    }
}
