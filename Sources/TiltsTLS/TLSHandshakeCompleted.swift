/// The outcome of a successful TLS handshake, fired as an inbound user event by ``OpenSSLHandler``.
///
/// Handlers after the TLS handler receive it in `userInboundEventTriggered(context:event:)`
/// before any decrypted application data; the same value stays readable afterwards through
/// ``OpenSSLHandler/handshakeResult``.
///
/// ```swift
/// func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
///     if let tls = event as? TLSHandshakeCompleted, tls.negotiatedProtocol == "h2" { ... }
///     context.fireUserInboundEventTriggered(event)
/// }
/// ```
public struct TLSHandshakeCompleted: Sendable, Equatable {
    /// The ALPN protocol both sides agreed on (e.g. `"h2"`), or `nil` when ALPN was not used.
    public var negotiatedProtocol: String?
    /// The protocol version as OpenSSL names it, e.g. `"TLSv1.3"`.
    public var version: String
    /// The cipher suite's OpenSSL name, e.g. `"TLS_AES_256_GCM_SHA384"`.
    public var cipher: String
    /// The peer certificate's subject on one line in RFC 2253 form (`CN=test-client,O=Tilts`),
    /// or `nil` when the peer sent no certificate.
    public var peerSubject: String?
    /// The common name (CN) of the peer certificate's subject, if it has one.
    public var peerCommonName: String?
    /// The peer's leaf certificate in DER encoding, or `nil` when the peer sent none.
    public var peerCertificateDER: [UInt8]?

    /// Creates a handshake result (used by the handler, and by tests).
    public init(
        negotiatedProtocol: String?,
        version: String,
        cipher: String,
        peerSubject: String?,
        peerCommonName: String?,
        peerCertificateDER: [UInt8]?
    ) {
        self.negotiatedProtocol = negotiatedProtocol
        self.version = version
        self.cipher = cipher
        self.peerSubject = peerSubject
        self.peerCommonName = peerCommonName
        self.peerCertificateDER = peerCertificateDER
    }
}
