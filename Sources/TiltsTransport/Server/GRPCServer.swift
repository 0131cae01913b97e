public import Logging
public import NIOCore
public import NIOPosix
public import TiltsRPC
internal import TiltsTLS
internal import Synchronization

/// A gRPC server over HTTP/2 (nghttp2) on Unix sockets, TCP and TLS.
///
/// Start it with ``start()``, which binds every listener and returns once they accept; stop it with
/// ``beginGracefulShutdown()``: listeners close, each connection is sent GOAWAY, calls in flight
/// finish, and ``waitUntilStopped()`` returns when the last connection has closed (or after the
/// grace period, when the rest are closed hard). ``run()`` does both for a service lifecycle.
///
/// Ownership: the server owns its listening channels and tracks the connections it accepted; the
/// event loop group belongs to the caller. Thread-safe.
///
/// TLS listeners read their certificate and key at ``start()``; ``reloadTLS()`` reads them again
/// (e.g. on SIGHUP) for connections accepted afterwards.
///
/// ```swift
/// let server = GRPCServer(
///     config: .defaults { $0.listeners = [.unixSocket(path: "/run/tilts/referral.sock")] },
///     services: [HealthService()])
/// try await server.start()
/// ...
/// server.beginGracefulShutdown()
/// await server.waitUntilStopped()
/// ```
public final class GRPCServer: Sendable {
    public let config: Config
    private let router: RPCRouter
    private let group: any EventLoopGroup
    private let logger: Logger
    private let tracker = ConnectionTracker()
    private let listeners = Mutex<[any Channel]>([])
    private let tlsProviders = Mutex<[TLSContextProvider]>([])
    private let stopped = Mutex<(done: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// - Parameters:
    ///   - config: listeners and limits.
    ///   - services: the services to route calls to.
    ///   - fallback: serves every `/service/method` path no service registered (see ``RPCRouter``);
    ///     nil answers them UNIMPLEMENTED.
    ///   - group: the event loops for listeners and connections; defaults to NIO's shared group.
    ///   - logger: where connection-level events are logged (ids only, never payloads).
    public init(
        config: Config, services: [any RPCService], fallback: ServerMethod? = nil,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "tilts.grpc.server")
    ) {
        self.config = config
        self.router = RPCRouter(services: services, fallback: fallback)
        self.group = group
        self.logger = logger
    }

    /// Binds every listener.
    /// - Returns: the bound addresses, in listener order (useful with TCP port 0).
    /// - Throws: ``TransportError`` when a socket is in use or cannot be bound, or TLS files are bad.
    @discardableResult
    public func start() async throws -> [SocketAddress] {
        var addresses: [SocketAddress] = []
        for listener in config.listeners {
            let channel = try await bind(listener)
            listeners.withLock { $0.append(channel) }
            if let address = channel.localAddress { addresses.append(address) }
            logger.info("listening", metadata: ["listener": "\(listener)"])
        }
        return addresses
    }

    /// Reads the certificate, key and CA files of every TLS listener again; connections accepted
    /// afterwards use them, open ones keep theirs.
    /// - Returns: how many TLS listeners were reloaded.
    /// - Throws: ``TransportError`` `.tlsSetup` naming the first listener whose files do not load;
    ///   that listener keeps its previous certificate.
    @discardableResult
    public func reloadTLS() throws -> Int {
        let providers = tlsProviders.withLock { $0 }
        for provider in providers {
            do {
                try provider.reload()
            } catch {
                throw TransportError(
                    code: .tlsSetup,
                    message: "TLS certificate \(provider.configuration.certificateChainPath ?? "?") could not be reloaded: \(error)")
            }
        }
        return providers.count
    }

    /// Starts, then waits until a graceful shutdown completes. Cancel the task to shut down.
    public func run() async throws {
        try await start()
        await withTaskCancellationHandler {
            await waitUntilStopped()
        } onCancel: {
            beginGracefulShutdown()
        }
    }

    /// Stops accepting connections and asks every connection to drain.
    public func beginGracefulShutdown() {
        let channels = listeners.withLock { channels -> [any Channel] in
            defer { channels.removeAll() }
            return channels
        }
        let listenersClosed = channels.map { channel -> EventLoopFuture<Void> in
            channel.close(promise: nil)
            return channel.closeFuture
        }
        for listener in config.listeners {
            if case .unixSocket(let path, _) = listener { UnixSocketFile.remove(path) }
        }
        let open = tracker.beginShutdown()
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let grace = config.shutdownGracePeriod
        let logger = logger
        Task { [tracker] in
            // Connections the listeners accepted just before closing register a moment later;
            // wait for the listeners, then until no connection is open for a quiet 100 ms, so
            // none of them is cut off by the process exiting.
            for closed in listenersClosed { try? await closed.get() }
            var drained = await tracker.waitUntilEmpty(timeout: grace)
            while drained {
                try? await Task.sleep(for: .milliseconds(100))
                if tracker.snapshot().isEmpty { break }
                drained = await tracker.waitUntilEmpty(timeout: grace)
            }
            if !drained {
                logger.warning("closing connections still open after the shutdown grace period")
                for channel in tracker.snapshot() { channel.close(promise: nil) }
                _ = await tracker.waitUntilEmpty(timeout: .seconds(5))
            }
            self.markStopped()
        }
    }

    /// Returns once a graceful shutdown has finished.
    public func waitUntilStopped() async {
        await withCheckedContinuation { continuation in
            let done = stopped.withLock { state -> Bool in
                if state.done { return true }
                state.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    private func markStopped() {
        let waiters = stopped.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.done = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    // MARK: - Binding

    private func bind(_ listener: Listener) async throws -> any Channel {
        let tlsContext: TLSContextProvider?
        if case .tls(_, _, let configuration) = listener {
            do {
                tlsContext = try TLSContextProvider(serverConfiguration: configuration)
            } catch {
                throw TransportError(code: .tlsSetup, message: "TLS for \(listener) could not be set up: \(error)")
            }
            tlsProviders.withLock { $0.append(tlsContext!) }
        } else {
            tlsContext = nil
        }
        let bootstrap = makeBootstrap(listener: listener, tlsContext: tlsContext)
        do {
            switch listener {
            case .unixSocket(let path, let mode):
                try UnixSocketFile.prepare(path)
                let channel = try await bootstrap.bind(unixDomainSocketPath: path).get()
                try UnixSocketFile.setMode(path, mode: mode)
                return channel
            case .tcp(let host, let port), .tls(let host, let port, _):
                return try await bootstrap.bind(host: host, port: port).get()
            case .inheritedSocket(let descriptor):
                return try await bootstrap.withBoundSocket(descriptor).get()
            }
        } catch let error as TransportError {
            throw error
        } catch {
            throw TransportError(code: .bindFailed, message: "could not listen on \(listener): \(error)")
        }
    }

    private func makeBootstrap(listener: Listener, tlsContext: TLSContextProvider?) -> ServerBootstrap {
        let config = config
        let router = router
        let logger = logger
        let tracker = tracker
        var bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                let late = tracker.add(channel)
                return PeerCredentials.identity(of: channel, listener: listener).flatMapThrowing { peer in
                    let sync = channel.pipeline.syncOperations
                    if let tlsContext {
                        try sync.addHandler(OpenSSLHandler.server(context: tlsContext.context))
                    }
                    try sync.addHandler(
                        ServerConnectionHandler(
                            config: config, router: router, peer: peer, eventLoop: channel.eventLoop, logger: logger))
                    if late {
                        // Accepted while draining: answer with GOAWAY rather than a reset.
                        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
                    }
                }
            }
        switch listener {
        case .tcp, .tls:
            bootstrap = bootstrap.childChannelOption(.socketOption(.tcp_nodelay), value: 1)
        case .unixSocket, .inheritedSocket:
            break
        }
        return bootstrap
    }
}
