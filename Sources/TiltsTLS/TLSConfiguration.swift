/// The TLS settings of one side of a connection: certificates, trust, peer verification and ALPN.
///
/// A configuration is plain data. Build a ``TLSContext`` from it once (that is where the files
/// are read and checked), then share the context between all connections:
///
/// ```swift
/// let serverConfig = TLSConfiguration.server(
///     certificateChainPath: "/etc/tilts/tls/server.pem",
///     privateKeyPath: "/etc/tilts/tls/server.key",
///     trustRootsPath: "/etc/tilts/tls/ca.pem",
///     clientCertificateVerification: .required
/// )
/// let context = try TLSContext(serverConfiguration: serverConfig)
/// ```
///
/// The protocol floor is always TLS 1.2; TLS 1.3 is preferred when both sides have it.
/// The value is `Sendable` and may be used from any thread.
public struct TLSConfiguration: Sendable {
    /// Whether a server asks for, and checks, a client certificate (mutual TLS).
    public enum ClientCertificateVerification: Sendable {
        /// The server does not ask for a client certificate.
        case none
        /// The server asks for a certificate and verifies it if one is sent,
        /// but accepts clients that send none.
        case optional
        /// The server requires a certificate that verifies against ``TLSConfiguration/trustRootsPath``.
        case required
    }

    /// PEM file holding our certificate, followed by any intermediates (leaf first).
    /// Required for a server; optional for a client (its client certificate for mTLS).
    public var certificateChainPath: String?

    /// PEM file holding the private key that matches the first certificate of the chain.
    public var privateKeyPath: String?

    /// PEM bundle of CA certificates used to verify the peer.
    /// When `nil`, the system's default trust store is used.
    public var trustRootsPath: String?

    /// Server side: whether to request and verify a client certificate. Default `.none`.
    public var clientCertificateVerification: ClientCertificateVerification

    /// Client side: verify the server certificate chain and host name. Default `true`.
    /// Turning this off makes the connection open to interception; use it for tests only.
    public var verifyPeer: Bool

    /// Client side: the name to verify the server certificate against and to send as SNI,
    /// instead of the host name passed to ``OpenSSLHandler/client(context:serverHostname:)``.
    public var serverHostnameOverride: String?

    /// ALPN protocols in order of preference. Default `["h2"]`.
    ///
    /// A client offers them; a server picks its most preferred one that the client offered and
    /// fails the handshake with a `no_application_protocol` alert when there is no overlap.
    public var applicationProtocols: [String]

    /// The default ALPN list: HTTP/2 only, as gRPC needs.
    public static let defaultApplicationProtocols = ["h2"]

    /// Creates a configuration with every field given explicitly.
    public init(
        certificateChainPath: String? = nil,
        privateKeyPath: String? = nil,
        trustRootsPath: String? = nil,
        clientCertificateVerification: ClientCertificateVerification = .none,
        verifyPeer: Bool = true,
        serverHostnameOverride: String? = nil,
        applicationProtocols: [String] = TLSConfiguration.defaultApplicationProtocols
    ) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
        self.trustRootsPath = trustRootsPath
        self.clientCertificateVerification = clientCertificateVerification
        self.verifyPeer = verifyPeer
        self.serverHostnameOverride = serverHostnameOverride
        self.applicationProtocols = applicationProtocols
    }

    /// A server configuration.
    ///
    /// - Parameters:
    ///   - certificateChainPath: PEM certificate chain, leaf first.
    ///   - privateKeyPath: PEM private key of the leaf.
    ///   - trustRootsPath: CA bundle that client certificates must chain to (mTLS).
    ///     When `nil` and client certificates are verified, the system trust store is used.
    ///   - clientCertificateVerification: whether to ask for a client certificate.
    public static func server(
        certificateChainPath: String,
        privateKeyPath: String,
        trustRootsPath: String? = nil,
        clientCertificateVerification: ClientCertificateVerification = .none
    ) -> TLSConfiguration {
        TLSConfiguration(
            certificateChainPath: certificateChainPath,
            privateKeyPath: privateKeyPath,
            trustRootsPath: trustRootsPath,
            clientCertificateVerification: clientCertificateVerification
        )
    }

    /// A client configuration that verifies the server.
    ///
    /// - Parameters:
    ///   - trustRootsPath: CA bundle to verify the server with; `nil` uses the system trust store.
    ///   - certificateChainPath: PEM chain to present when the server asks (mTLS).
    ///   - privateKeyPath: PEM key of that chain's leaf.
    ///   - serverHostnameOverride: name to verify and send as SNI instead of the connection's host.
    public static func client(
        trustRootsPath: String? = nil,
        certificateChainPath: String? = nil,
        privateKeyPath: String? = nil,
        serverHostnameOverride: String? = nil
    ) -> TLSConfiguration {
        TLSConfiguration(
            certificateChainPath: certificateChainPath,
            privateKeyPath: privateKeyPath,
            trustRootsPath: trustRootsPath,
            serverHostnameOverride: serverHostnameOverride
        )
    }
}
