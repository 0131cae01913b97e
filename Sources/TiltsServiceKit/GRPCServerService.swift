public import ServiceLifecycle
public import TiltsTransport
public import TiltsHealth
public import Logging

/// Runs a ``GRPCServer`` as a swift-service-lifecycle `Service`.
///
/// Start: binds the listeners, then marks the health registry SERVING. Graceful shutdown
/// (SIGTERM): marks NOT_SERVING, sends GOAWAY on every connection, lets calls in flight finish,
/// then returns. Cancellation closes everything at once.
public struct GRPCServerService: Service, CustomStringConvertible {
    public let server: GRPCServer
    public let health: HealthStatusRegistry
    public let servingNames: [String]
    let logger: Logger
    let onDrain: @Sendable () -> Void

    /// - Parameter onDrain: called when draining begins, after health turns NOT_SERVING and before
    ///   GOAWAY; e.g. ends `WatchEvents` tails so they do not hold the drain open.
    public init(
        server: GRPCServer, health: HealthStatusRegistry, servingNames: [String], logger: Logger,
        onDrain: @escaping @Sendable () -> Void = {}
    ) {
        self.server = server
        self.health = health
        self.servingNames = servingNames
        self.logger = logger
        self.onDrain = onDrain
    }

    public var description: String { "GRPCServerService(\(servingNames.filter { !$0.isEmpty }))" }

    public func run() async throws {
        try await server.start()
        for name in servingNames { health.set(name, .serving) }
        logger.info("serving", metadata: ["services": "\(servingNames.filter { !$0.isEmpty })"])
        try? await gracefulShutdown()
        logger.info("draining")
        health.setAll(.notServing)
        onDrain()
        server.beginGracefulShutdown()
        await server.waitUntilStopped()
        logger.info("stopped")
    }
}
