/// A ready-to-use OpenSSL `SSL_CTX`, built once from a ``TLSConfiguration`` and shared by every
/// connection of a listener or of a client.
///
/// Creating the context reads and checks the certificate chain, private key and CA files, so a
/// mistake in them is reported at start-up (as a thrown ``TLSError`` with code
/// ``TLSError/Code/invalidConfiguration``) rather than on the first connection.
///
/// ```swift
/// let context = try TLSContext(serverConfiguration: .server(
///     certificateChainPath: "server.pem", privateKeyPath: "server.key"))
/// // per accepted channel:
/// try channel.pipeline.syncOperations.addHandler(OpenSSLHandler.server(context: context))
/// ```
///
/// Ownership: the context owns its `SSL_CTX` and frees it in `deinit`. Each ``OpenSSLHandler``
/// keeps the context alive for as long as its own `SSL` object exists, so dropping your
/// reference while connections are open is fine.
///
/// Threads: the context may be used from any thread and any number of event loops at once.
public final class TLSContext: @unchecked Sendable {
    // Why `@unchecked Sendable` is safe: every stored property is a `let`. The `SSL_CTX` is
    // fully configured inside `init` and never mutated afterwards; OpenSSL documents an
    // `SSL_CTX` as safe to share between threads for `SSL_new` once its configuration is done
    // (its reference count and session cache use internal locks). The ALPN list is an
    // immutable Swift object read by the server's select callback.

    /// The `SSL_CTX *`; owned, freed in `deinit`.
    let nativeContext: OpaquePointer
    /// The ALPN protocols; the server's ALPN callback reads them through an unretained pointer,
    /// so the context must outlive every `SSL` made from it (``OpenSSLConnection`` ensures that).
    let applicationProtocols: ALPNProtocolList
    /// The configuration the context was built from.
    let configuration: TLSConfiguration
    /// Whether this is a server (accepting) context.
    let isServer: Bool

    /// Builds a server context.
    ///
    /// - Parameter serverConfiguration: needs ``TLSConfiguration/certificateChainPath`` and
    ///   ``TLSConfiguration/privateKeyPath``.
    /// - Throws: ``TLSError`` (``TLSError/Code/invalidConfiguration``) when a file cannot be
    ///   loaded, the key does not match the certificate, or an ALPN name is empty or too long.
    public init(serverConfiguration: TLSConfiguration) throws {
        let protocols = try ALPNProtocolList(serverConfiguration.applicationProtocols)
        self.applicationProtocols = protocols
        self.configuration = serverConfiguration
        self.isServer = true
        self.nativeContext = try OpenSSL.makeContext(serverConfiguration, isServer: true, protocols: protocols)
    }

    /// Builds a client context.
    ///
    /// - Parameter clientConfiguration: trust roots (or the system store), and optionally a
    ///   client certificate chain and key for mutual TLS.
    /// - Throws: ``TLSError`` (``TLSError/Code/invalidConfiguration``) when a file cannot be
    ///   loaded, only one of chain and key is given, or an ALPN name is empty or too long.
    public init(clientConfiguration: TLSConfiguration) throws {
        let protocols = try ALPNProtocolList(clientConfiguration.applicationProtocols)
        self.applicationProtocols = protocols
        self.configuration = clientConfiguration
        self.isServer = false
        self.nativeContext = try OpenSSL.makeContext(clientConfiguration, isServer: false, protocols: protocols)
    }

    deinit {
        OpenSSL.freeContext(self.nativeContext)
    }
}
