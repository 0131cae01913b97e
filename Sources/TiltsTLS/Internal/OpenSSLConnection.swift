// The only file of TiltsTLS that sees OpenSSL. It turns C return codes, the error queue and
// callbacks into Swift values; everything above it works with `OpenSSLConnection`'s enums.

internal import COpenSSL
internal import NIOCore

/// One TLS session over two memory BIOs (sans-I/O): ciphertext goes in with ``feed(_:)`` and
/// comes out with ``drainCiphertext(allocator:)``; plaintext goes through ``readPlaintext(into:)``
/// and ``writePlaintext(_:)``.
///
/// Ownership: owns its `SSL` (which owns both BIOs) and frees it once, in ``free()`` or `deinit`.
/// Holds a strong reference to its ``TLSContext`` so the `SSL_CTX` and the ALPN list outlive it.
///
/// Threads: not thread-safe. Used only by one ``OpenSSLHandler`` on its event loop; OpenSSL's
/// error queue is per thread, so every call clears it first and reads it right after.
final class OpenSSLConnection {
    /// Which side of the handshake this is.
    enum Role {
        case server
        /// `serverName` is verified against the certificate and sent as SNI (unless it is an IP address).
        case client(serverName: String?)
    }

    enum HandshakeOutcome {
        case complete
        case needsMoreData
        case failed(TLSError)
    }

    enum ReadOutcome {
        /// Everything available was decrypted; feed more ciphertext to continue.
        case needsMoreData
        /// The peer sent `close_notify`.
        case closeNotify
        case failed(TLSError)
    }

    enum WriteOutcome {
        case written
        /// OpenSSL needs to read first (never expected with renegotiation off); retry later.
        case needsMoreData
        case failed(TLSError)
    }

    /// Plaintext is read in steps of at most one TLS record.
    static let recordSize = 16 * 1024

    private var ssl: OpaquePointer?
    private let readBIO: OpaquePointer
    private let writeBIO: OpaquePointer
    private let context: TLSContext

    /// Creates the `SSL` and its BIOs.
    ///
    /// - Throws: ``TLSError`` if OpenSSL cannot allocate or the server name cannot be set.
    init(context: TLSContext, role: Role) throws(TLSError) {
        ERR_clear_error()
        guard let ssl = SSL_new(context.nativeContext) else {
            throw OpenSSL.error(.internalError, "SSL_new failed")
        }
        guard let readBIO = BIO_new(BIO_s_mem()), let writeBIO = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw OpenSSL.error(.internalError, "BIO_new failed")
        }
        // An empty read BIO means "no data yet", not end of file.
        _ = tilts_bio_set_mem_eof_return(readBIO, -1)
        SSL_set_bio(ssl, readBIO, writeBIO)  // `ssl` now owns both BIOs
        self.ssl = ssl
        self.readBIO = readBIO
        self.writeBIO = writeBIO
        self.context = context

        switch role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client(let serverName):
            SSL_set_connect_state(ssl)
            if let serverName {
                try self.setServerName(serverName, verify: context.configuration.verifyPeer)
            }
        }
    }

    deinit {
        self.free()
    }

    /// Frees the `SSL` and its BIOs. Safe to call more than once; later calls are no-ops,
    /// and every other method then reports a failure or does nothing.
    func free() {
        if let ssl = self.ssl {
            self.ssl = nil
            SSL_free(ssl)
        }
    }

    private func setServerName(_ name: String, verify: Bool) throws(TLSError) {
        guard let ssl = self.ssl else { return }
        if let address = a2i_IPADDRESS(name) {
            // An IP literal: no SNI (RFC 6066 forbids it); check the certificate's IP SANs.
            ASN1_OCTET_STRING_free(address)
            if verify, X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name) != 1 {
                throw OpenSSL.error(.invalidConfiguration, "cannot verify IP address \(name)")
            }
            return
        }
        ERR_clear_error()
        guard tilts_ssl_set_tlsext_host_name(ssl, name) == 1 else {
            throw OpenSSL.error(.invalidConfiguration, "cannot set SNI host name \(name)")
        }
        if verify {
            SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
            guard SSL_set1_host(ssl, name) == 1 else {
                throw OpenSSL.error(.invalidConfiguration, "cannot set host name to verify: \(name)")
            }
        }
    }

    // MARK: - Ciphertext in and out

    /// Copies received ciphertext into the read BIO.
    func feed(_ buffer: ByteBuffer) {
        guard self.ssl != nil, buffer.readableBytes > 0 else { return }
        buffer.withUnsafeReadableBytes { bytes in
            var written = 0
            // A memory BIO grows as needed, so the write only fails when out of memory.
            _ = BIO_write_ex(self.readBIO, bytes.baseAddress, bytes.count, &written)
        }
    }

    /// Whether OpenSSL has produced ciphertext that is not yet drained.
    var hasPendingCiphertext: Bool {
        self.ssl != nil && tilts_bio_pending(self.writeBIO) > 0
    }

    /// Moves everything in the write BIO into one new buffer, or returns `nil` if it is empty.
    func drainCiphertext(allocator: ByteBufferAllocator) -> ByteBuffer? {
        guard self.ssl != nil else { return nil }
        let pending = Int(tilts_bio_pending(self.writeBIO))
        guard pending > 0 else { return nil }
        var buffer = allocator.buffer(capacity: pending)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: pending) { target in
            var read = 0
            _ = BIO_read_ex(self.writeBIO, target.baseAddress, pending, &read)
            return read
        }
        return buffer
    }

    // MARK: - TLS operations

    func doHandshake() -> HandshakeOutcome {
        guard let ssl = self.ssl else { return .failed(OpenSSL.freedError()) }
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            return .complete
        }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .needsMoreData
        case let code:
            var message = "handshake failed (\(OpenSSL.describe(sslError: code)))"
            let verifyResult = SSL_get_verify_result(ssl)
            if verifyResult != X509_V_OK {
                message += ": certificate verification: " + String(cString: X509_verify_cert_error_string(verifyResult))
            }
            return .failed(OpenSSL.error(.handshakeFailed, message))
        }
    }

    /// Decrypts all complete records in the read BIO, appending the plaintext to `buffer`
    /// in steps of up to one record.
    func readPlaintext(into buffer: inout ByteBuffer) -> ReadOutcome {
        guard let ssl = self.ssl else { return .failed(OpenSSL.freedError()) }
        while true {
            ERR_clear_error()
            var result: Int32 = 0
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: Self.recordSize) { target in
                var read = 0
                result = SSL_read_ex(ssl, target.baseAddress, target.count, &read)
                return result == 1 ? read : 0
            }
            if result == 1 {
                continue
            }
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                return .needsMoreData
            case SSL_ERROR_ZERO_RETURN:
                return .closeNotify
            case let code:
                return .failed(OpenSSL.error(.readFailed, "decryption failed (\(OpenSSL.describe(sslError: code)))"))
            }
        }
    }

    /// Encrypts all of `buffer` into the write BIO.
    func writePlaintext(_ buffer: ByteBuffer) -> WriteOutcome {
        guard let ssl = self.ssl else { return .failed(OpenSSL.freedError()) }
        guard buffer.readableBytes > 0 else { return .written }
        ERR_clear_error()
        let result = buffer.withUnsafeReadableBytes { bytes in
            var written = 0
            // Partial writes are off, so success means every byte was taken.
            return SSL_write_ex(ssl, bytes.baseAddress, bytes.count, &written)
        }
        if result == 1 {
            return .written
        }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .needsMoreData
        case let code:
            return .failed(OpenSSL.error(.writeFailed, "encryption failed (\(OpenSSL.describe(sslError: code)))"))
        }
    }

    /// Queues our `close_notify` in the write BIO. Call only after a completed handshake and
    /// never after a fatal error (OpenSSL forbids both); failures are ignored.
    func shutdown() {
        guard let ssl = self.ssl else { return }
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    // MARK: - Handshake details

    /// What was negotiated and who the peer is. Call after ``doHandshake()`` returned `.complete`.
    func handshakeDetails() -> TLSHandshakeCompleted {
        guard let ssl = self.ssl else {
            return TLSHandshakeCompleted(
                negotiatedProtocol: nil, version: "", cipher: "", peerSubject: nil, peerCommonName: nil,
                peerCertificateDER: nil
            )
        }
        var alpnData: UnsafePointer<UInt8>?
        var alpnLength: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &alpnData, &alpnLength)
        var negotiated: String?
        if let alpnData, alpnLength > 0 {
            negotiated = String(decoding: UnsafeBufferPointer(start: alpnData, count: Int(alpnLength)), as: UTF8.self)
        }
        let version = String(cString: SSL_get_version(ssl))
        let cipher = SSL_get_current_cipher(ssl).map { String(cString: SSL_CIPHER_get_name($0)) } ?? ""

        var subject: String?
        var commonName: String?
        var der: [UInt8]?
        if let certificate = SSL_get1_peer_certificate(ssl) {
            defer { X509_free(certificate) }
            if let name = X509_get_subject_name(certificate) {
                subject = OpenSSL.rfc2253(name)
                commonName = OpenSSL.commonName(name)
            }
            der = OpenSSL.derBytes(certificate)
        }
        ERR_clear_error()
        return TLSHandshakeCompleted(
            negotiatedProtocol: negotiated,
            version: version,
            cipher: cipher,
            peerSubject: subject,
            peerCommonName: commonName,
            peerCertificateDER: der
        )
    }
}

// MARK: - SSL_CTX and helpers

/// Free functions over OpenSSL's C API: building an `SSL_CTX`, reading certificates, errors.
enum OpenSSL {
    /// Creates and fully configures an `SSL_CTX`; the caller owns it (free with ``freeContext(_:)``).
    static func makeContext(
        _ configuration: TLSConfiguration,
        isServer: Bool,
        protocols: ALPNProtocolList
    ) throws(TLSError) -> OpaquePointer {
        ERR_clear_error()
        guard let context = SSL_CTX_new(isServer ? TLS_server_method() : TLS_client_method()) else {
            throw Self.error(.internalError, "SSL_CTX_new failed")
        }
        var configured = false
        defer {
            if !configured { SSL_CTX_free(context) }
        }

        guard tilts_ssl_ctx_set_min_proto_version(context, TLS1_2_VERSION) == 1 else {
            throw Self.error(.internalError, "cannot set TLS 1.2 as the minimum version")
        }
        var options = tilts_ssl_op_no_renegotiation() | tilts_ssl_op_no_compression()
        if isServer {
            options |= tilts_ssl_op_cipher_server_preference()
        }
        _ = SSL_CTX_set_options(context, options)
        _ = tilts_ssl_ctx_set_mode(context, Int(SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))

        try Self.loadIdentity(configuration, into: context, isServer: isServer)

        let verifiesPeer = isServer ? configuration.clientCertificateVerification != .none : configuration.verifyPeer
        if verifiesPeer {
            if let roots = configuration.trustRootsPath {
                guard SSL_CTX_load_verify_locations(context, roots, nil) == 1 else {
                    throw Self.error(.invalidConfiguration, "cannot load trust roots from \(roots)")
                }
            } else {
                guard SSL_CTX_set_default_verify_paths(context) == 1 else {
                    throw Self.error(.invalidConfiguration, "cannot load the system trust roots")
                }
            }
        }

        if isServer {
            switch configuration.clientCertificateVerification {
            case .none:
                SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
            case .optional:
                SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            case .required:
                SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
            }
            if verifiesPeer, let roots = configuration.trustRootsPath, let names = SSL_load_client_CA_file(roots) {
                SSL_CTX_set_client_CA_list(context, names)  // takes ownership of `names`
            }
            let sessionContext: [UInt8] = Array("tilts".utf8)
            _ = SSL_CTX_set_session_id_context(context, sessionContext, UInt32(sessionContext.count))
            if !protocols.isEmpty {
                SSL_CTX_set_alpn_select_cb(context, alpnSelectCallback, Unmanaged.passUnretained(protocols).toOpaque())
            }
        } else {
            SSL_CTX_set_verify(context, configuration.verifyPeer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nil)
            if !protocols.isEmpty {
                // Note the inverted convention: 0 means success.
                let result = protocols.wireFormat.withUnsafeBufferPointer {
                    SSL_CTX_set_alpn_protos(context, $0.baseAddress, UInt32($0.count))
                }
                guard result == 0 else {
                    throw Self.error(.internalError, "cannot set ALPN protocols")
                }
            }
        }
        ERR_clear_error()
        configured = true
        return context
    }

    private static func loadIdentity(
        _ configuration: TLSConfiguration,
        into context: OpaquePointer,
        isServer: Bool
    ) throws(TLSError) {
        switch (configuration.certificateChainPath, configuration.privateKeyPath) {
        case (let chain?, let key?):
            guard SSL_CTX_use_certificate_chain_file(context, chain) == 1 else {
                throw Self.error(.invalidConfiguration, "cannot load certificate chain from \(chain)")
            }
            guard SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1 else {
                throw Self.error(.invalidConfiguration, "cannot load private key from \(key)")
            }
            guard SSL_CTX_check_private_key(context) == 1 else {
                throw Self.error(.invalidConfiguration, "private key \(key) does not match certificate \(chain)")
            }
        case (nil, nil) where !isServer:
            return
        case (nil, nil):
            throw TLSError(code: .invalidConfiguration, message: "a server needs a certificate chain and a private key")
        default:
            throw TLSError(
                code: .invalidConfiguration,
                message: "certificateChainPath and privateKeyPath must be given together"
            )
        }
    }

    static func freeContext(_ context: OpaquePointer) {
        SSL_CTX_free(context)
    }

    // MARK: Errors

    /// Builds a ``TLSError`` and empties this thread's OpenSSL error queue into it.
    static func error(_ code: TLSError.Code, _ message: String) -> TLSError {
        TLSError(code: code, message: message, openSSLErrors: Self.drainErrorQueue())
    }

    static func freedError() -> TLSError {
        TLSError(code: .internalError, message: "the TLS session was already freed")
    }

    /// Reads and clears this thread's OpenSSL error queue, oldest first.
    static func drainErrorQueue() -> [String] {
        var lines: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var text = [CChar](repeating: 0, count: 256)
            text.withUnsafeMutableBufferPointer { buffer in
                ERR_error_string_n(code, buffer.baseAddress, buffer.count)
            }
            lines.append(text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        return lines
    }

    static func describe(sslError code: Int32) -> String {
        switch code {
        case SSL_ERROR_SSL: "SSL_ERROR_SSL"
        case SSL_ERROR_SYSCALL: "SSL_ERROR_SYSCALL"
        case SSL_ERROR_ZERO_RETURN: "SSL_ERROR_ZERO_RETURN"
        default: "SSL error \(code)"
        }
    }

    // MARK: Certificates

    /// `X509_NAME_print_ex` with `XN_FLAG_RFC2253`, e.g. `CN=test-client,O=Tilts`.
    static func rfc2253(_ name: OpaquePointer) -> String? {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard X509_NAME_print_ex(bio, name, 0, tilts_xn_flag_rfc2253()) >= 0 else { return nil }
        let length = Int(tilts_bio_pending(bio))
        var bytes = [UInt8](repeating: 0, count: length)
        var read = 0
        _ = bytes.withUnsafeMutableBytes { BIO_read_ex(bio, $0.baseAddress, length, &read) }
        return String(decoding: bytes[..<read], as: UTF8.self)
    }

    /// The first common name of `name`, decoded as UTF-8.
    static func commonName(_ name: OpaquePointer) -> String? {
        let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
        guard index >= 0,
            let entry = X509_NAME_get_entry(name, index),
            let data = X509_NAME_ENTRY_get_data(entry)
        else { return nil }
        var utf8: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&utf8, data)
        guard length >= 0, let utf8 else { return nil }
        defer { tilts_openssl_free(utf8) }
        return String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
    }

    /// The certificate's DER encoding.
    static func derBytes(_ certificate: OpaquePointer) -> [UInt8]? {
        let length = i2d_X509(certificate, nil)
        guard length > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_X509(certificate, &cursor)
        }
        return written == length ? bytes : nil
    }
}

/// The server's ALPN choice: our most preferred protocol that the client offered. No overlap
/// fails the handshake with a `no_application_protocol` alert. `arg` is the context's
/// ``ALPNProtocolList``, kept alive by the ``TLSContext`` (and so by every connection).
private let alpnSelectCallback:
    @convention(c) (
        OpaquePointer?,
        UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
        UnsafeMutablePointer<UInt8>?,
        UnsafePointer<UInt8>?,
        UInt32,
        UnsafeMutableRawPointer?
    ) -> Int32 = { _, out, outLength, offered, offeredLength, argument in
        guard let out, let outLength, let offered, let argument else {
            return SSL_TLSEXT_ERR_ALERT_FATAL
        }
        let protocols = Unmanaged<ALPNProtocolList>.fromOpaque(argument).takeUnretainedValue()
        let offeredBytes = UnsafeRawBufferPointer(start: offered, count: Int(offeredLength))
        guard let (offset, length) = protocols.select(from: offeredBytes) else {
            return SSL_TLSEXT_ERR_ALERT_FATAL
        }
        out.pointee = offered + offset
        outLength.pointee = UInt8(length)
        return SSL_TLSEXT_ERR_OK
    }
