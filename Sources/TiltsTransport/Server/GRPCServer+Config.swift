public import TiltsHTTP2
public import TiltsRPC
public import TiltsTLS
public import NIOCore

extension GRPCServer {
    /// Where a server listens.
    public enum Listener: Sendable, Hashable, CustomStringConvertible {
        /// A Unix domain socket. The file gets `mode` (default 0660, owner and group only); a stale
        /// file left by a crashed process is replaced, a live one is refused.
        case unixSocket(path: String, mode: UInt16 = 0o660)
        /// Cleartext HTTP/2 (h2c) on TCP; meant for loopback and tests.
        case tcp(host: String, port: Int)
        /// TLS (ALPN h2) on TCP.
        case tls(host: String, port: Int, TLSConfiguration)
        /// An already-listening socket passed in by the service manager (systemd socket activation).
        case inheritedSocket(descriptor: Int32)

        public var description: String {
            switch self {
            case .unixSocket(let path, _): return "unix:\(path)"
            case .tcp(let host, let port): return "tcp:\(host):\(port)"
            case .tls(let host, let port, _): return "tls:\(host):\(port)"
            case .inheritedSocket(let fd): return "fd:\(fd)"
            }
        }

        public static func == (lhs: Listener, rhs: Listener) -> Bool { lhs.description == rhs.description }
        public func hash(into hasher: inout Hasher) { hasher.combine(description) }
    }

    /// How a server behaves. Start from ``defaults`` and change what you need.
    public struct Config: Sendable {
        /// The sockets to listen on.
        public var listeners: [Listener]
        /// HTTP/2 settings and abuse limits.
        public var http2: HTTP2Settings
        /// Largest request message accepted; larger ones end the call with RESOURCE_EXHAUSTED.
        public var maxReceiveMessageSize: Int
        /// Largest response message a handler may send.
        public var maxSendMessageSize: Int
        /// Run handler tasks on the connection's event loop (fewer thread hops). Handlers must not
        /// block in either mode.
        public var runHandlersOnEventLoop: Bool
        /// Idle time after which the server PINGs the client, and how long it waits for the answer.
        public var keepaliveInterval: TimeAmount
        public var keepaliveTimeout: TimeAmount
        /// How long a graceful shutdown waits for calls in flight before closing connections.
        public var shutdownGracePeriod: Duration
        /// Called on the event loop when a call ends (its status was sent), for metrics and
        /// request logs. Keep it cheap: it runs on the connection's loop for every call.
        public var onCallEnded: (@Sendable (CallSummary) -> Void)?

        /// 4 MiB messages both ways, handlers on the event loop, keepalive PING after 60 s idle
        /// with 20 s to answer, 30 s shutdown grace.
        public static var defaults: Config {
            Config(
                listeners: [], http2: .defaults, maxReceiveMessageSize: 4 << 20, maxSendMessageSize: 4 << 20,
                runHandlersOnEventLoop: true, keepaliveInterval: .seconds(60), keepaliveTimeout: .seconds(20),
                shutdownGracePeriod: .seconds(30), onCallEnded: nil)
        }

        /// ``defaults`` changed by `configure`.
        public static func defaults(configure: (inout Config) -> Void) -> Config {
            var config = defaults
            configure(&config)
            return config
        }
    }

    /// What ``Config/onCallEnded`` learns about a call that ended.
    public struct CallSummary: Sendable {
        /// The `:path`, `/service/method`; for a call refused before routing (UNIMPLEMENTED and
        /// the like) the path the client sent, which may be anything.
        public var path: String
        /// Whether `path` names a method this server routes (a registered one or the fallback).
        public var isRouted: Bool
        /// The status code sent to the client.
        public var code: StatusCode
        /// From the request headers' arrival to the status being submitted (monotonic clock).
        public var duration: Duration
        /// The client's metadata; empty for a call refused before its headers were parsed.
        public var metadata: Metadata

        public init(path: String, isRouted: Bool, code: StatusCode, duration: Duration, metadata: Metadata) {
            self.path = path
            self.isRouted = isRouted
            self.code = code
            self.duration = duration
            self.metadata = metadata
        }
    }
}
