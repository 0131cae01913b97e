public import TiltsWire

/// Makes typed calls over a ``ClientTransport`` (the stub layer's base).
///
/// Hand-written service stubs wrap one of these and name their methods; see `HealthClient`.
/// Value type; safe to share between tasks.
///
/// ```swift
/// let client = RPCClient(transport: connection)
/// let reply: HealthCheckResponse = try await client.unary(Health.check, request: HealthCheckRequest())
/// ```
public struct RPCClient: Sendable {
    public let transport: any ClientTransport
    /// Applied to calls that pass no timeout of their own.
    public var defaultTimeout: Duration?

    public init(transport: any ClientTransport, defaultTimeout: Duration? = nil) {
        self.transport = transport
        self.defaultTimeout = defaultTimeout
    }

    private func deadline(_ timeout: Duration?) -> ContinuousClock.Instant? {
        (timeout ?? defaultTimeout).map { ContinuousClock.now.advanced(by: $0) }
    }

    /// Calls a unary method and returns its response.
    /// - Throws: ``RPCError`` with the server's status when it is not OK.
    public func unary<Request: Message, Response: Message>(
        _ descriptor: MethodDescriptor, request: Request, metadata: Metadata = Metadata(), timeout: Duration? = nil
    ) async throws -> Response {
        try await unaryResponse(descriptor, request: request, metadata: metadata, timeout: timeout).message
    }

    /// Calls a unary method and returns its response with both sets of metadata.
    public func unaryResponse<Request: Message, Response: Message>(
        _ descriptor: MethodDescriptor, request: Request, metadata: Metadata = Metadata(), timeout: Duration? = nil,
        responseType: Response.Type = Response.self
    ) async throws -> ClientResponse<Response> {
        let call = try await transport.openCall(descriptor, metadata: metadata, deadline: deadline(timeout))
        try await call.send(request.serializedBytes())
        call.closeSend()
        return try await Self.singleResponse(call)
    }

    /// Calls a server-streaming method; `body` reads the responses.
    public func serverStreaming<Request: Message, Response: Message, Result: Sendable>(
        _ descriptor: MethodDescriptor, request: Request, metadata: Metadata = Metadata(), timeout: Duration? = nil,
        responseType: Response.Type = Response.self,
        _ body: (ResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        let call = try await transport.openCall(descriptor, metadata: metadata, deadline: deadline(timeout))
        try await call.send(request.serializedBytes())
        call.closeSend()
        return try await Self.finishing(call) { try await body(ResponseStream(call: call)) }
    }

    /// Calls a client-streaming method; `producer` writes the requests.
    public func clientStreaming<Request: Message, Response: Message>(
        _ descriptor: MethodDescriptor, metadata: Metadata = Metadata(), timeout: Duration? = nil,
        requestType: Request.Type = Request.self, responseType: Response.Type = Response.self,
        _ producer: (RequestWriter<Request>) async throws -> Void
    ) async throws -> ClientResponse<Response> {
        let call = try await transport.openCall(descriptor, metadata: metadata, deadline: deadline(timeout))
        return try await Self.finishing(call) {
            try await producer(RequestWriter(call: call))
            call.closeSend()
            return try await Self.singleResponse(call)
        }
    }

    /// Calls a bidirectional method; `body` writes requests and reads responses as it likes.
    public func bidirectionalStreaming<Request: Message, Response: Message, Result: Sendable>(
        _ descriptor: MethodDescriptor, metadata: Metadata = Metadata(), timeout: Duration? = nil,
        requestType: Request.Type = Request.self, responseType: Response.Type = Response.self,
        _ body: (RequestWriter<Request>, ResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        let call = try await transport.openCall(descriptor, metadata: metadata, deadline: deadline(timeout))
        return try await Self.finishing(call) {
            try await body(RequestWriter(call: call), ResponseStream(call: call))
        }
    }

    /// Runs `body`; if it throws before the call ended, the call is cancelled so the server
    /// stops working for nobody.
    private static func finishing<R>(_ call: any ClientCallTransport, _ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch {
            call.cancel()
            throw error
        }
    }

    private static func singleResponse<Response: Message>(_ call: any ClientCallTransport) async throws
        -> ClientResponse<Response>
    {
        let initial = try await call.initialMetadata()
        let first = try await call.receive()
        var extra: [UInt8]? = nil
        if first != nil { extra = try await call.receive() }
        let (status, trailers) = await call.status()
        guard status.code == .ok else { throw RPCError(status: status, metadata: trailers) }
        guard let first else {
            throw RPCError(code: .internal, message: "the server finished with OK but sent no response message")
        }
        guard extra == nil else {
            throw RPCError(code: .internal, message: "the server sent more than one response to a unary call")
        }
        return ClientResponse(
            message: try MessageCoding.decodeResponse(Response.self, from: first), initialMetadata: initial,
            trailingMetadata: trailers)
    }
}
