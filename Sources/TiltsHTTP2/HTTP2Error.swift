/// A failure of the HTTP/2 session itself (not of one stream).
///
/// The connection that owns the session should be closed after one of these: nghttp2 has already
/// queued a GOAWAY where the protocol calls for one, so flush output before closing.
public struct HTTP2Error: Error, Sendable, CustomStringConvertible, Hashable {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Hashable { case protocolError, sessionSetup, submitFailed, closed }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The peer broke the protocol (bad preface, bad frame, flood); the session is over.
        public static let protocolError = Code(.protocolError)
        /// nghttp2 could not create the session (out of memory).
        public static let sessionSetup = Code(.sessionSetup)
        /// A frame could not be submitted (stream gone, session closing).
        public static let submitFailed = Code(.submitFailed)
        /// The session has already ended.
        public static let closed = Code(.closed)

        public var description: String { String(describing: value) }
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "HTTP2Error(\(code)): \(message)" }
}
