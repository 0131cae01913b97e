/// Names one RPC: the fully qualified service and the method, as in `/service/method`.
public struct MethodDescriptor: Hashable, Sendable, CustomStringConvertible {
    /// The fully qualified service name, e.g. `grpc.health.v1.Health`.
    public let service: String
    /// The method name, e.g. `Check`.
    public let method: String
    /// The HTTP/2 `:path`: `/service/method`.
    public let path: String

    public init(service: String, method: String) {
        self.service = service
        self.method = method
        self.path = "/\(service)/\(method)"
    }

    /// Parses a `:path`; nil unless it has the form `/service/method`.
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        self.service = String(parts[1])
        self.method = String(parts[2])
        self.path = path
    }

    public var description: String { path }
}

/// The four shapes of a call.
public enum RPCKind: Sendable, Hashable {
    case unary, serverStreaming, clientStreaming, bidirectionalStreaming

    /// Whether the client sends exactly one message; the server then waits for it before the
    /// handler runs.
    public var hasSingleRequest: Bool { self == .unary || self == .serverStreaming }
}
