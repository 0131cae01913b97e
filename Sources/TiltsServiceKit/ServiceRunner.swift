public import Logging
public import TiltsRPC
public import TiltsHealth
internal import TiltsTransport
public import ServiceLifecycle
internal import UnixSignals
internal import Foundation

/// Starts a Tilts service process: configuration, structured logging, data folder, gRPC server with
/// health, the optional loopback admin port with Prometheus metrics, and graceful shutdown on
/// SIGTERM or SIGINT.
///
/// ```swift
/// let runner = try ServiceRunner(name: "referral-service", options: options)
/// try await runner.run(serviceName: "tilts.referral.v1.ReferralService", services: [])
/// ```
public struct ServiceRunner: Sendable {
    public let configuration: ServiceConfiguration
    public let logger: Logger
    public let health = HealthStatusRegistry()
    /// The Prometheus registry behind swift-metrics; nil unless `admin_port` is set.
    public let metrics: ServiceMetrics?
    /// The server hook that counts calls and logs them (with request ids) at debug level.
    public let callObserver: CallObserver

    /// Resolves the configuration, creates the data folder (mode 0700: the store holds personal
    /// data), sets up structured logging to standard error (``StructuredLogHandler``) and, with an
    /// admin port, bootstraps swift-metrics with a Prometheus registry. Create one per process.
    public init(name: String, options: ServiceOptions) throws {
        let configuration = try ServiceConfiguration(name: name, options: options)
        self.configuration = configuration
        try FileManager.default.createDirectory(
            atPath: configuration.dataDirectory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        LoggingSystem.bootstrap { label in
            StructuredLogHandler(label: label, format: configuration.logFormat, level: configuration.logLevel)
        }
        var logger = Logger(label: name)
        logger.logLevel = configuration.logLevel
        self.logger = logger
        metrics = configuration.adminPort == nil ? nil : ServiceMetrics.bootstrap()
        callObserver = CallObserver(metrics: metrics, logger: logger)
    }

    /// The admin port and the store-size gauge, when `admin_port` is set; list them first in the
    /// process's service group so they outlive the server's drain. ``run(serviceName:services:background:onDrain:)``
    /// does this itself; a process that builds its own group (the gateway) adds these, and installs
    /// ``callObserver`` into its server config.
    public func observabilityServices() -> [any Service] {
        guard let metrics, let port = configuration.adminPort else { return [] }
        let monitor = StoreSizeMonitor(directory: configuration.dataDirectory)
        return [
            AdminServer(port: port, registry: metrics.registry, health: health, logger: logger),
            BackgroundService(name: "store-size") { await monitor.run() },
        ]
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
        let observer = callObserver
        let server = GRPCServer(
            config: .defaults {
                $0.listeners = listeners
                observer.install(into: &$0)
            },
            services: [HealthService(registry: health)] + services, logger: logger)
        let grpc = GRPCServerService(
            server: server, health: health, servingNames: [""] + (serviceName.map { [$0] } ?? []), logger: logger,
            onDrain: onDrain)
        let group = ServiceGroup(
            configuration: .init(
                services: observabilityServices().map { .init(service: $0) } + [.init(service: grpc)]
                    + background.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("starting", metadata: ["socket": "\(configuration.socketPath)", "data_dir": "\(configuration.dataDirectory)"])
        try await group.run()
    }
}
