internal import Foundation
internal import TiltsHTTP2
internal import TiltsMessages
internal import TiltsServiceKit
internal import TiltsStore
internal import TiltsTLS
internal import TiltsTransport

/// A configuration the gateway cannot start with.
typealias GatewaySettingsError = ServiceConfigurationError

/// The gateway's settings beyond the common ones. Each is a config file key; `TILTS_<KEY>` in the
/// environment and the serve command's flags override it.
///
/// | key | default | meaning |
/// |---|---|---|
/// | `tls_port`, `tls_host` | none, `0.0.0.0` | TLS listener (ALPN h2, TLS 1.2+) |
/// | `tls_cert`, `tls_key` | — | PEM certificate chain and key; re-read on SIGHUP |
/// | `tls_client_ca` | none | CA bundle for client certificates (mTLS) |
/// | `tls_client_auth` | `optional` | `optional` (certificate or token) or `required` |
/// | `client_principals` | none | JSON file: certificate subject → Principal; re-read on SIGHUP |
/// | `h2c_port` (or `--port`) | none | cleartext HTTP/2 on 127.0.0.1 only, for development |
/// | `admin_uids` | the gateway's uid | uids that are the OPERATOR on the local socket |
/// | `referral_socket`, `meeting_socket`, `assessment_socket`, `reporting_socket` | `<socket dir>/<name>-service.sock` | each service's Unix socket; `none` leaves it unrouted |
/// | `<name>_address` | none | instead of the socket: HOST:PORT with mutual TLS (`tls_ca`, `tls_cert`, `tls_key`) |
/// | `default_timeout_ms`, `max_timeout_ms` | 30000, 300000 | deadline given to a routed call |
/// | `rate_limit_per_second`, `rate_limit_burst` | 50, 100 | per-principal token bucket; 0 disables |
/// | `max_request_bytes`, `max_response_bytes` | 4 MiB, 16 MiB | largest message each way |
/// | `max_header_bytes`, `max_concurrent_streams` | 16384, 100 | HTTP/2 limits per connection |
/// | `token_ttl_days`, `token_max_ttl_days`, `token_cache_seconds` | 90, 366, 5 | token lifetimes and cache |
/// | `health_interval_ms` | 1000 | how often the routed services' health is polled |
/// | `audit_max_backlog` | 50000 | audit events queued before calls are refused |
/// | `audit_linger_ms` | 5 | how long audit events gather before one write (one fsync) |
/// | `event_loop_threads` | one per core | event loop threads for connections and calls |
struct GatewaySettings: Sendable {
    struct TLS: Sendable {
        var host: String
        var port: Int
        var configuration: TLSConfiguration
    }

    var socketPath: String
    var listenDescriptor: Int32?
    var dataDirectory: String
    var tls: TLS?
    var h2cPort: Int?
    var clientPrincipalsPath: String?
    var adminUIDs: Set<UInt32>
    var upstreams: [(name: String, target: GRPCClientConnection.Target)]
    var deadlines: DeadlinePolicy
    var rateLimitPerSecond: Double
    var rateLimitBurst: Double
    var maxRequestBytes: Int
    var maxResponseBytes: Int
    var maxHeaderBytes: Int
    var maxConcurrentStreams: Int
    var tokens: TokenSettings
    var tokenCacheSeconds: Int
    var healthInterval: Duration
    var auditMaxBacklog: Int
    var auditLinger: Duration
    var eventLoopThreads: Int?

    /// The store file in the data folder.
    var databasePath: String { dataDirectory + "/gateway.sqlite" }

    init(_ configuration: ServiceConfiguration, overrides: [String: String] = [:]) throws {
        func value(_ key: String) -> String? { overrides[key] ?? configuration.value(key) }
        func int(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = value(key) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                throw GatewaySettingsError("\(key) must be a whole number in \(range.lowerBound)…\(range.upperBound), not '\(text)'")
            }
            return number
        }
        socketPath = configuration.socketPath
        listenDescriptor = configuration.listenDescriptor
        dataDirectory = configuration.dataDirectory

        if let portText = value("tls_port") {
            guard let port = Int(portText), (0...65535).contains(port) else {
                throw GatewaySettingsError("tls_port must be a TCP port, not '\(portText)'")
            }
            guard let cert = value("tls_cert"), let key = value("tls_key") else {
                throw GatewaySettingsError("tls_port needs tls_cert and tls_key (PEM files)")
            }
            var tls = TLSConfiguration.server(certificateChainPath: cert, privateKeyPath: key)
            if let ca = value("tls_client_ca") {
                tls.trustRootsPath = ca
                switch value("tls_client_auth") ?? "optional" {
                case "optional": tls.clientCertificateVerification = .optional
                case "required": tls.clientCertificateVerification = .required
                case let other: throw GatewaySettingsError("tls_client_auth must be optional or required, not '\(other)'")
                }
            } else if value("tls_client_auth") == "required" {
                throw GatewaySettingsError("tls_client_auth = required needs tls_client_ca")
            }
            self.tls = TLS(host: value("tls_host") ?? "0.0.0.0", port: port, configuration: tls)
        }
        if let text = value("h2c_port") ?? configuration.tcpPort.map(String.init) {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw GatewaySettingsError("h2c_port must be a TCP port, not '\(text)'")
            }
            h2cPort = port
        }
        clientPrincipalsPath = value("client_principals")
        if let text = value("admin_uids") {
            var uids: Set<UInt32> = []
            for part in text.split(separator: ",") {
                guard let uid = UInt32(part.trimmingSpaces()) else {
                    throw GatewaySettingsError("admin_uids must be a comma-separated list of uids, not '\(text)'")
                }
                uids.insert(uid)
            }
            adminUIDs = uids
        } else {
            adminUIDs = [getuid()]
        }

        let socketFolder = (configuration.socketPath as NSString).deletingLastPathComponent
        upstreams = []
        for name in AccessPolicy.upstreamNames {
            let socket = value("\(name)_socket")
            if socket == "none" || socket == "off" { continue }
            if let socket {
                upstreams.append((name, .unixSocket(path: socket)))
            } else if let target = try configuration.peerTarget(name) {
                upstreams.append((name, target))
            } else {
                let folder = socketFolder.isEmpty ? "." : socketFolder
                upstreams.append((name, .unixSocket(path: "\(folder)/\(name)-service.sock")))
            }
        }

        let defaultMs = try int("default_timeout_ms", 30_000, 1...86_400_000)
        let maxMs = try int("max_timeout_ms", 300_000, 1...86_400_000)
        deadlines = DeadlinePolicy(defaultTimeout: .milliseconds(defaultMs), maximumTimeout: .milliseconds(maxMs))
        rateLimitPerSecond = Double(try int("rate_limit_per_second", 50, 0...10_000_000))
        rateLimitBurst = Double(try int("rate_limit_burst", 100, 1...10_000_000))
        maxRequestBytes = try int("max_request_bytes", 4 << 20, 1024...(64 << 20))
        maxResponseBytes = try int("max_response_bytes", 16 << 20, 1024...(64 << 20))
        maxHeaderBytes = try int("max_header_bytes", 16_384, 1024...(1 << 20))
        maxConcurrentStreams = try int("max_concurrent_streams", 100, 1...10_000)
        tokens = TokenSettings(
            defaultTTLSeconds: Int64(try int("token_ttl_days", 90, 1...3660)) * 86_400,
            maximumTTLSeconds: Int64(try int("token_max_ttl_days", 366, 1...3660)) * 86_400)
        tokenCacheSeconds = try int("token_cache_seconds", 5, 0...3600)
        healthInterval = .milliseconds(try int("health_interval_ms", 1000, 50...600_000))
        auditMaxBacklog = try int("audit_max_backlog", 50_000, 100...10_000_000)
        auditLinger = .milliseconds(try int("audit_linger_ms", 5, 0...1000))
        eventLoopThreads = value("event_loop_threads") == nil ? nil : try int("event_loop_threads", 1, 1...256)
    }

    /// The server's listener and HTTP/2 configuration.
    func serverConfig() -> GRPCServer.Config {
        GRPCServer.Config.defaults { config in
            if let listenDescriptor {
                config.listeners.append(.inheritedSocket(descriptor: listenDescriptor))
            } else {
                config.listeners.append(.unixSocket(path: socketPath))
            }
            if let tls {
                config.listeners.append(.tls(host: tls.host, port: tls.port, tls.configuration))
            }
            if let h2cPort {
                config.listeners.append(.tcp(host: "127.0.0.1", port: h2cPort))
            }
            config.maxReceiveMessageSize = maxRequestBytes
            config.maxSendMessageSize = maxResponseBytes
            config.http2.maxHeaderListSize = UInt32(maxHeaderBytes)
            config.http2.maxConcurrentStreams = UInt32(maxConcurrentStreams)
        }
    }

    /// The configuration of connections to the services.
    func upstreamConfig() -> GRPCClientConnection.Config {
        var config = GRPCClientConnection.Config.defaults
        config.maxSendMessageSize = maxRequestBytes
        config.maxReceiveMessageSize = maxResponseBytes
        config.initialBackoff = .milliseconds(50)
        config.maxBackoff = .seconds(1)
        return config
    }

    /// Whether `text` is a lower-case code: `[a-z0-9_-]`, 1 to 64 characters.
    static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
    }

    /// Checks a configured principal (client certificates).
    static func validate(_ principal: Principal, what: String) throws {
        guard principal.institution != .unspecified, principal.institution != .operator else {
            throw GatewaySettingsError("\(what): institution must be set, and cannot be OPERATOR")
        }
        if AccessRules.municipalKinds.contains(principal.institution), !isCode(principal.municipality) {
            throw GatewaySettingsError("\(what): \(principal.institution) needs a municipality code")
        }
    }
}
