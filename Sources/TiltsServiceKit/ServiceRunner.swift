public import Logging
public import TiltsRPC
public import TiltsHealth
internal import TiltsTransport
internal import ServiceLifecycle
internal import UnixSignals
internal import Foundation

/// Starts a Tilts service process: configuration, logging, data folder, gRPC server with health,
/// and graceful shutdown on SIGTERM or SIGINT.
///
/// ```swift
/// let runner = try ServiceRunner(name: "referral-service", options: options)
/// try await runner.run(serviceName: "tilts.referral.v1.ReferralService", services: [])
/// ```
public struct ServiceRunner: Sendable {
    public let configuration: ServiceConfiguration
    public let logger: Logger
    public let health = HealthStatusRegistry()

    /// Resolves the configuration, creates the data folder (mode 0700: the store holds personal
    /// data) and sets up logging to standard error.
    public init(name: String, options: ServiceOptions) throws {
        let configuration = try ServiceConfiguration(name: name, options: options)
        self.configuration = configuration
        try FileManager.default.createDirectory(
            atPath: configuration.dataDirectory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        var logger = Logger(label: name)
        logger.logLevel = configuration.logLevel
        self.logger = logger
    }

    /// Runs until SIGTERM/SIGINT has drained the server.
    /// - Parameters:
    ///   - serviceName: the fully qualified gRPC service this process serves, reported by health
    ///     (nil for processes with no API of their own yet).
    ///   - services: the RPC services to serve next to health.
    ///   - background: long-lived tasks such as event consumers; they stop first on shutdown.
    ///   - onDrain: called when draining begins (e.g. `database.events.shutDown()` ends event tails).
    public func run(
        serviceName: String?, services: [any RPCService], background: [BackgroundService] = [],
        onDrain: @escaping @Sendable () -> Void = {}
    ) async throws {
        let socketFolder = (configuration.socketPath as NSString).deletingLastPathComponent
        if !socketFolder.isEmpty {
            try FileManager.default.createDirectory(atPath: socketFolder, withIntermediateDirectories: true)
        }
        var listeners: [GRPCServer.Listener] = []
        if let descriptor = configuration.listenDescriptor {
            listeners.append(.inheritedSocket(descriptor: descriptor))
        } else {
            listeners.append(.unixSocket(path: configuration.socketPath))
        }
        if let port = configuration.tcpPort {
            listeners.append(.tcp(host: "127.0.0.1", port: port))
        }
        if let tls = try configuration.tlsListener() {
            listeners.append(tls)
        }
        let server = GRPCServer(
            config: .defaults { $0.listeners = listeners }, services: [HealthService(registry: health)] + services,
            logger: logger)
        let grpc = GRPCServerService(
            server: server, health: health, servingNames: [""] + (serviceName.map { [$0] } ?? []), logger: logger,
            onDrain: onDrain)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: grpc)] + background.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("starting", metadata: ["socket": "\(configuration.socketPath)", "data_dir": "\(configuration.dataDirectory)"])
        try await group.run()
    }
}
