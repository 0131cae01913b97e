/// A process-level transport failure: a listener that cannot open, TLS files that do not load.
///
/// Per-call failures are ``RPCError``s instead; these stop a process from starting.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Hashable { case bindFailed, addressInUse, tlsSetup, connectFailed }
        private let value: Value
        private init(_ value: Value) { self.value = value }
        /// A listener could not be opened.
        public static let bindFailed = Code(.bindFailed)
        /// Another live process serves on the socket.
        public static let addressInUse = Code(.addressInUse)
        /// Certificates or keys could not be loaded.
        public static let tlsSetup = Code(.tlsSetup)
        /// A client could not connect.
        public static let connectFailed = Code(.connectFailed)
        public var description: String { String(describing: value) }
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
