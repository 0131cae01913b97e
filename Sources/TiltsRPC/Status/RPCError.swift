/// The error a call ends with when its status is not OK.
///
/// Servers throw it from handlers to choose the status their client sees; clients receive it when
/// a call fails. `metadata` travels as trailing metadata. `cause` is kept for logs on the side that
/// created the error and is never sent.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: StatusCode
    public var message: String
    public var metadata: Metadata
    public var cause: (any Error & Sendable)?

    public init(code: StatusCode, message: String, metadata: Metadata = Metadata(), cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.metadata = metadata
        self.cause = cause
    }

    /// The error for a non-OK status received from a peer.
    public init(status: Status, metadata: Metadata = Metadata()) {
        self.init(code: status.code, message: status.message, metadata: metadata)
    }

    public var status: Status { Status(code: code, message: message) }

    public var description: String { message.isEmpty ? "\(code)" : "\(code): \(message)" }

    public static func == (lhs: RPCError, rhs: RPCError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.metadata == rhs.metadata
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }
}

/// A domain error that knows which gRPC status it is.
///
/// Each service's error type conforms, so a handler can throw it and the client sees the right
/// code with a message meant for an integrator.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError {
    /// The status and trailing metadata a server sends when a handler throws `error`.
    ///
    /// Errors that are not ``RPCError`` or ``RPCErrorConvertible`` become UNKNOWN with a generic
    /// message: their text may hold personal data and must not reach the client.
    public static func from(_ error: any Error) -> RPCError {
        switch error {
        case let error as RPCError:
            return error
        case let error as any RPCErrorConvertible:
            return error.rpcError
        case is CancellationError:
            return RPCError(code: .cancelled, message: "the call was cancelled")
        default:
            return RPCError(code: .unknown, message: "the service failed while handling the call")
        }
    }
}
