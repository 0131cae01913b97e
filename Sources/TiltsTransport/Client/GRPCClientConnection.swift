public import NIOCore
public import NIOPosix
public import TiltsHTTP2
public import TiltsRPC
public import TiltsTLS
internal import Synchronization

/// One multiplexed HTTP/2 connection to a gRPC server, re-established when it drops.
///
/// Every call through ``openCall(_:metadata:deadline:)`` shares the connection. The first call
/// connects; when the connection closes or the server sends GOAWAY, the next call opens a new one.
/// After a failed connect, calls fail fast with UNAVAILABLE until the back-off (100 ms doubling to
/// 5 s) has passed, so a down service is not hammered.
///
/// Thread-safe. Call ``close()`` when done; the event loop group belongs to the caller.
///
/// ```swift
/// let connection = GRPCClientConnection(target: .unixSocket(path: "/run/tilts/referral.sock"))
/// let client = RPCClient(transport: connection)
/// ```
public final class GRPCClientConnection: ClientTransport, Sendable {
    /// Where to connect.
    public enum Target: Sendable, CustomStringConvertible {
        case unixSocket(path: String)
        case tcp(host: String, port: Int)
        case tls(host: String, port: Int, TLSConfiguration, serverHostname: String? = nil)

        public var description: String {
            switch self {
            case .unixSocket(let path): return "unix:\(path)"
            case .tcp(let host, let port): return "\(host):\(port)"
            case .tls(let host, let port, _, _): return "\(host):\(port) (TLS)"
            }
        }
    }

    /// Connection limits and timing.
    public struct Config: Sendable {
        public var http2: HTTP2Settings
        public var maxReceiveMessageSize: Int
        public var maxSendMessageSize: Int
        public var connectTimeout: TimeAmount
        public var initialBackoff: Duration
        public var maxBackoff: Duration

        /// 4 MiB messages, 5 s connect timeout, back-off from 100 ms to 5 s.
        public static var defaults: Config {
            Config(
                http2: .defaults, maxReceiveMessageSize: 4 << 20, maxSendMessageSize: 4 << 20,
                connectTimeout: .seconds(5), initialBackoff: .milliseconds(100), maxBackoff: .seconds(5))
        }
    }

    private struct Live: Sendable {
        var channel: any Channel
        var handler: NIOLoopBound<ClientConnectionHandler>
        var generation: Int
    }

    private enum Phase {
        case idle
        case connecting(EventLoopFuture<Live>)
        case ready(Live)
        case closed
    }

    private struct State {
        var phase = Phase.idle
        var generation = 0
        var failures = 0
        var retryAt: ContinuousClock.Instant?
    }

    public let target: Target
    public let config: Config
    private let group: any EventLoopGroup
    private let tlsContext: TLSContext?
    private let state = Mutex(State())

    /// - Throws: ``TransportError`` when the TLS configuration cannot be loaded.
    public init(target: Target, config: Config = .defaults, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws {
        self.target = target
        self.config = config
        self.group = group
        if case .tls(_, _, let tls, _) = target {
            do {
                tlsContext = try TLSContext(clientConfiguration: tls)
            } catch {
                throw TransportError(code: .tlsSetup, message: "TLS to \(target) could not be set up: \(error)")
            }
        } else {
            tlsContext = nil
        }
    }

    public func openCall(_ descriptor: MethodDescriptor, metadata: Metadata, deadline: ContinuousClock.Instant?) async throws
        -> any ClientCallTransport
    {
        var timeout: Duration?
        if let deadline {
            timeout = ContinuousClock.now.duration(to: deadline)
            if timeout! <= .zero {
                throw RPCError(code: .deadlineExceeded, message: "the deadline passed before the call started")
            }
        }
        let live = try await connection()
        let headers = GRPCHeaders.requestHeaders(
            path: descriptor.path, authority: authority, scheme: tlsContext == nil ? "http" : "https", timeout: timeout,
            metadata: metadata)
        let stream = ClientStream(
            eventLoop: live.channel.eventLoop, maxReceiveMessageSize: config.maxReceiveMessageSize,
            maxSendMessageSize: config.maxSendMessageSize)
        if live.channel.eventLoop.inEventLoop {
            // Already on the connection's loop (a caller pinned to it, like the gateway): no hop.
            try live.handler.value.open(stream, headers: headers, deadline: deadline)
        } else {
            try await live.channel.eventLoop.submit {
                try live.handler.value.open(stream, headers: headers, deadline: deadline)
            }.get()
        }
        return stream
    }

    /// Closes the connection; calls in flight end with UNAVAILABLE and new calls are refused.
    public func close() async {
        let phase = state.withLock { state -> Phase in
            defer { state.phase = .closed }
            return state.phase
        }
        switch phase {
        case .ready(let live): try? await live.channel.close()
        case .connecting(let future): try? await future.get().channel.close()
        case .idle, .closed: break
        }
    }

    // MARK: - Connecting

    private var authority: String {
        switch target {
        case .unixSocket: return "localhost"
        case .tcp(let host, let port): return "\(host):\(port)"
        case .tls(let host, let port, _, let serverHostname): return "\(serverHostname ?? host):\(port)"
        }
    }

    private enum Step {
        case use(Live)
        case wait(EventLoopFuture<Live>)
        case fail(RPCError)
    }

    private func connection() async throws -> Live {
        let step = state.withLock { state -> Step in
            switch state.phase {
            case .ready(let live):
                return .use(live)
            case .connecting(let future):
                return .wait(future)
            case .closed:
                return .fail(RPCError(code: .unavailable, message: "the client connection to \(target) is closed"))
            case .idle:
                if let retryAt = state.retryAt, ContinuousClock.now < retryAt {
                    return .fail(RPCError(code: .unavailable, message: "\(target) is unreachable; retrying shortly"))
                }
                state.generation += 1
                let future = connect(generation: state.generation)
                state.phase = .connecting(future)
                return .wait(future)
            }
        }
        switch step {
        case .use(let live):
            return live
        case .fail(let error):
            throw error
        case .wait(let future):
            do {
                let live = try await future.get()
                state.withLock { state in
                    if case .connecting = state.phase, state.generation == live.generation {
                        state.phase = .ready(live)
                        state.failures = 0
                        state.retryAt = nil
                    }
                }
                return live
            } catch {
                state.withLock { state in
                    if case .connecting = state.phase {
                        state.phase = .idle
                        state.failures += 1
                        let backoff = min(config.maxBackoff, config.initialBackoff * (1 << min(state.failures - 1, 10)))
                        state.retryAt = ContinuousClock.now.advanced(by: backoff)
                    }
                }
                throw RPCError(code: .unavailable, message: "could not connect to \(target): \(error)")
            }
        }
    }

    private func connect(generation: Int) -> EventLoopFuture<Live> {
        let settings = config.http2
        let tlsContext = tlsContext
        let target = target
        let onUnusable: @Sendable () -> Void = { [weak self] in self?.retire(generation: generation) }
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(config.connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let tlsContext, case .tls(let host, _, _, let serverHostname) = target {
                        try sync.addHandler(OpenSSLHandler.client(context: tlsContext, serverHostname: serverHostname ?? host))
                    }
                    try sync.addHandler(ClientConnectionHandler(settings: settings, onUnusable: onUnusable))
                }
            }
        let channel: EventLoopFuture<any Channel>
        switch target {
        case .unixSocket(let path):
            channel = bootstrap.connect(unixDomainSocketPath: path)
        case .tcp(let host, let port), .tls(let host, let port, _, _):
            channel = bootstrap.channelOption(.socketOption(.tcp_nodelay), value: 1).connect(host: host, port: port)
        }
        return channel.flatMapThrowing { channel in
            let handler = try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self)
            return Live(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop), generation: generation)
        }
    }

    /// Forgets a connection that closed or got GOAWAY, so the next call reconnects.
    private func retire(generation: Int) {
        state.withLock { state in
            switch state.phase {
            case .ready(let live) where live.generation == generation:
                state.phase = .idle
            case .connecting where state.generation == generation:
                state.phase = .idle
            default:
                break
            }
        }
    }
}
