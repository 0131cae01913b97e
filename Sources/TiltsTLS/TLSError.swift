/// An error raised by the TLS layer: bad configuration, a failed handshake or a broken record stream.
///
/// Configuration errors are thrown by ``TLSContext``'s initialisers (process level: fix the
/// files and restart). Connection errors are fired through the channel pipeline with
/// `fireErrorCaught` by ``OpenSSLHandler``, which then closes the channel (per connection).
///
/// ``openSSLErrors`` holds the lines of OpenSSL's error queue at the time of the failure,
/// e.g. `error:0A000086:SSL routines::certificate verify failed`; they are also part of
/// ``message`` and ``description``.
public struct TLSError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a small open set of codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case invalidConfiguration
            case handshakeFailed
            case readFailed
            case writeFailed
            case closedDuringHandshake
            case internalError
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// A certificate, key or CA file could not be loaded, or the settings contradict each other.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The handshake failed: no shared protocol version, cipher or ALPN protocol,
        /// a certificate that does not verify, or bytes that are not TLS.
        public static let handshakeFailed = Code(.handshakeFailed)
        /// A record received after the handshake could not be decrypted or the peer sent an alert.
        public static let readFailed = Code(.readFailed)
        /// Plaintext could not be encrypted.
        public static let writeFailed = Code(.writeFailed)
        /// The connection closed before the handshake finished.
        public static let closedDuringHandshake = Code(.closedDuringHandshake)
        /// OpenSSL could not allocate an object, or another unexpected failure.
        public static let internalError = Code(.internalError)

        public var description: String {
            switch self.wrapped {
            case .invalidConfiguration: "invalid configuration"
            case .handshakeFailed: "handshake failed"
            case .readFailed: "read failed"
            case .writeFailed: "write failed"
            case .closedDuringHandshake: "closed during handshake"
            case .internalError: "internal error"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation, including OpenSSL's error queue when there was one.
    public var message: String
    /// OpenSSL's error queue lines (from `ERR_error_string_n`), oldest first; may be empty.
    public var openSSLErrors: [String]
    /// The underlying error, if this one wraps another.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(code: Code, message: String, openSSLErrors: [String] = [], cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.openSSLErrors = openSSLErrors
        self.cause = cause
        if openSSLErrors.isEmpty {
            self.message = message
        } else {
            self.message = message + " (" + openSSLErrors.joined(separator: "; ") + ")"
        }
    }

    public var description: String {
        var text = "TLSError(\(self.code)): \(self.message)"
        if let cause = self.cause {
            text += ", cause: \(cause)"
        }
        return text
    }
}
