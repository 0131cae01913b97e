internal import Dispatch
internal import Foundation
internal import Logging
internal import NIOCore
internal import NIOPosix
internal import ServiceLifecycle
internal import TiltsHealth
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsTransport

/// The gateway process assembled: store, token store, audit log, gate, routed upstreams, the gRPC
/// server with its own services and the proxy, and the upstream health monitor.
///
/// Start it with ``run(observability:)``, which serves until SIGTERM or SIGINT: then health turns
/// NOT_SERVING, the server drains (GOAWAY, calls in flight finish), the audit log writes what is
/// queued, and the upstream connections close. SIGHUP re-reads the TLS certificate and key and the
/// client certificate principals without dropping a connection. The app owns everything it builds.
///
/// Every call, its own services' and proxied ones alike, goes through ``RequestIDPropagation``:
/// the caller's `x-request-id` (or a new id) is what the audit log records, what the service
/// behind receives and logs, what the caller gets back, and what the gateway's `call ended` line
/// names. With metrics, the server's hook counts each call per method and status.
final class GatewayApp: Sendable {
    let settings: GatewaySettings
    let logger: Logger
    let health: HealthStatusRegistry
    let database: ServiceDatabase
    let tokens: TokenStore
    let certificates: ClientCertificatePrincipals
    let audit: AuditLog
    let gate: Gate
    let upstreams: [Upstream]
    let server: GRPCServer
    let monitor: UpstreamHealthMonitor
    /// The event loops of the listeners, connections and handlers; the process's lifetime.
    let group: MultiThreadedEventLoopGroup

    /// Opens the store (running migrations) and builds every part; nothing listens yet.
    /// - Throws: ``GatewaySettingsError``, `StoreError` or `TransportError` for what cannot start.
    /// - Parameter metrics: the process's metrics (with an admin port), which then count every call.
    init(
        settings: GatewaySettings, logger: Logger, health: HealthStatusRegistry, metrics: ServiceMetrics? = nil,
        clock: GatewayClock = .system
    ) throws {
        self.settings = settings
        self.logger = logger
        self.health = health
        group = settings.eventLoopThreads.map { MultiThreadedEventLoopGroup(numberOfThreads: $0) }
            ?? MultiThreadedEventLoopGroup.singleton
        database = try ServiceDatabase(path: settings.databasePath, migrator: GatewaySchema.migrator, logger: logger)
        tokens = TokenStore(database: database, clock: clock, cacheLifetime: .seconds(settings.tokenCacheSeconds))
        certificates = try ClientCertificatePrincipals(path: settings.clientPrincipalsPath)
        let requestIDs = RequestIDGenerator()
        audit = AuditLog(
            database: database, logger: logger, maxBacklog: settings.auditMaxBacklog, linger: settings.auditLinger)
        gate = Gate(
            policy: .standard,
            authenticator: Authenticator(tokens: tokens, certificates: certificates, adminUIDs: settings.adminUIDs),
            limiter: RateLimiter(ratePerSecond: settings.rateLimitPerSecond, burst: settings.rateLimitBurst),
            audit: audit, clock: clock, requestIDs: requestIDs, logger: logger)
        let serviceNames = Dictionary(
            uniqueKeysWithValues: AccessPolicy.standard.services.compactMap { name, entry in entry.upstream.map { ($0, name) } })
        let upstreamConfig = settings.upstreamConfig()
        var upstreams: [Upstream] = []
        for (name, target) in settings.upstreams {
            upstreams.append(try Upstream(
                name: name, serviceName: serviceNames[name] ?? name, target: target, config: upstreamConfig, group: group))
        }
        self.upstreams = upstreams
        let own: [any RPCService] = [
            HealthService(registry: health),
            AuditHandlers(store: AuditStore(database: database), log: audit),
            AdminHandlers(tokens: tokens, settings: settings.tokens),
        ]
        let proxy = ProxyMethod(
            gate: gate, upstreams: Dictionary(uniqueKeysWithValues: upstreams.map { ($0.name, $0) }),
            deadlines: settings.deadlines, logger: logger)
        let gate = gate
        // The propagation logs each call with the id it resolved, so the hook only counts.
        let observer = CallObserver(metrics: metrics, logger: logger, logsCalls: false)
        let ids = RequestIDPropagation(observer: observer, makeID: { requestIDs.next() })
        var config = settings.serverConfig()
        observer.install(into: &config)
        server = GRPCServer(
            config: config, services: own.map { ids.wrap(GatedService(inner: $0, gate: gate)) },
            fallback: ids.wrap(proxy.method), group: group, logger: logger)
        monitor = UpstreamHealthMonitor(
            upstreams: upstreams, registry: health,
            ownServices: [GatewayAPI.auditServiceName, GatewayAPI.adminServiceName], interval: settings.healthInterval,
            logger: logger)
        health.set("", .notServing)
    }

    /// Serves until SIGTERM or SIGINT has drained the server.
    /// - Parameter observability: the admin port and store-size gauge
    ///   (`ServiceRunner.observabilityServices()`); they start first and stop last, so metrics stay
    ///   readable while the server drains.
    func run(observability: [any Service] = []) async throws {
        let grpc = GRPCServerService(
            server: server, health: health, servingNames: [], logger: logger,
            onDrain: { [health] in health.setAll(.notServing) })
        let monitor = monitor
        let polling = BackgroundService(name: "upstream-health") { await monitor.run() }
        let group = ServiceGroup(
            configuration: .init(
                services: observability.map { .init(service: $0) } + [.init(service: grpc), .init(service: polling)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        let reloader = installReloadOnSIGHUP()
        logger.info(
            "starting", metadata: [
                "socket": "\(settings.socketPath)", "tls": "\(settings.tls.map { "\($0.host):\($0.port)" } ?? "off")",
                "h2c": "\(settings.h2cPort.map { "127.0.0.1:\($0)" } ?? "off")",
                "upstreams": "\(settings.upstreams.map { "\($0.name)=\($0.target)" })",
            ])
        defer { reloader.cancel() }
        try await group.run()
        await flushAudit(timeout: .seconds(10))
        for upstream in upstreams { await upstream.close() }
        logger.info("stopped")
    }

    /// Re-reads certificates and client principals; logs what failed and keeps the old ones.
    func reload() {
        do {
            let count = try server.reloadTLS()
            logger.notice("reloaded the TLS certificate", metadata: ["listeners": "\(count)"])
        } catch {
            logger.error("could not reload the TLS certificate; keeping the previous one", metadata: ["error": "\(error)"])
        }
        do {
            try certificates.reload()
            logger.notice("reloaded client certificate principals", metadata: ["count": "\(certificates.count)"])
        } catch {
            logger.error("could not reload client_principals; keeping the previous ones", metadata: ["error": "\(error)"])
        }
    }

    private func installReloadOnSIGHUP() -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { [self] in reload() }
        source.resume()
        return source
    }

    private func flushAudit(timeout: Duration) async {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !audit.isIdle, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if !audit.isIdle {
            logger.error("the audit log could not be flushed before exit; queued entries are lost")
        }
    }
}
