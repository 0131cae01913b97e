public import TiltsWire

/// One method a server offers: its name, shape, and the code that serves it.
///
/// Build them with the typed constructors, which decode requests, encode responses and turn thrown
/// errors into statuses, so a handler only deals in messages:
///
/// ```swift
/// ServerMethod.unary(Health.check) { (request: HealthCheckRequest, call) in
///     HealthCheckResponse(status: .serving)
/// }
/// ```
public struct ServerMethod: Sendable {
    public let descriptor: MethodDescriptor
    public let kind: RPCKind
    /// Runs the call to its end; always finishes the transport with a status.
    public let run: @Sendable (any ServerCallTransport) async -> Void

    public init(descriptor: MethodDescriptor, kind: RPCKind, run: @escaping @Sendable (any ServerCallTransport) async -> Void) {
        self.descriptor = descriptor
        self.kind = kind
        self.run = run
    }

    /// A method that takes one request and answers one response.
    public static func unary<Request: Message, Response: Message>(
        _ descriptor: MethodDescriptor,
        _ handler: @escaping @Sendable (Request, ServerCall) async throws -> Response
    ) -> ServerMethod {
        ServerMethod(descriptor: descriptor, kind: .unary) { transport in
            await serve(transport) {
                let request = try await singleRequest(Request.self, transport)
                let response = try await handler(request, ServerCall(transport: transport))
                try await transport.send(response.serializedBytes())
            }
        }
    }

    /// A method that takes one request and streams responses.
    public static func serverStreaming<Request: Message, Response: Message>(
        _ descriptor: MethodDescriptor,
        _ handler: @escaping @Sendable (Request, ServerCall, ResponseWriter<Response>) async throws -> Void
    ) -> ServerMethod {
        ServerMethod(descriptor: descriptor, kind: .serverStreaming) { transport in
            await serve(transport) {
                let request = try await singleRequest(Request.self, transport)
                try await handler(request, ServerCall(transport: transport), ResponseWriter(transport: transport))
            }
        }
    }

    /// A method that takes a stream of requests and answers one response.
    public static func clientStreaming<Request: Message, Response: Message>(
        _ descriptor: MethodDescriptor,
        _ handler: @escaping @Sendable (RequestStream<Request>, ServerCall) async throws -> Response
    ) -> ServerMethod {
        ServerMethod(descriptor: descriptor, kind: .clientStreaming) { transport in
            await serve(transport) {
                let response = try await handler(RequestStream(transport: transport), ServerCall(transport: transport))
                try await transport.send(response.serializedBytes())
            }
        }
    }

    /// A method where both sides stream.
    public static func bidirectionalStreaming<Request: Message, Response: Message>(
        _ descriptor: MethodDescriptor,
        _ handler: @escaping @Sendable (RequestStream<Request>, ServerCall, ResponseWriter<Response>) async throws -> Void
    ) -> ServerMethod {
        ServerMethod(descriptor: descriptor, kind: .bidirectionalStreaming) { transport in
            await serve(transport) {
                try await handler(
                    RequestStream(transport: transport), ServerCall(transport: transport),
                    ResponseWriter(transport: transport))
            }
        }
    }

    /// Runs `body` and finishes the call with OK, or with the status its error maps to.
    private static func serve(_ transport: any ServerCallTransport, _ body: () async throws -> Void) async {
        do {
            try await body()
            transport.finish(status: .ok)
        } catch {
            let rpcError = RPCError.from(error)
            if !rpcError.metadata.isEmpty {
                transport.addTrailingMetadata(rpcError.metadata)
            }
            transport.finish(status: rpcError.status)
        }
    }

    /// Reads the one request of a unary or server-streaming call.
    private static func singleRequest<Request: Message>(
        _ type: Request.Type, _ transport: any ServerCallTransport
    ) async throws -> Request {
        guard let bytes = try await transport.receive() else {
            throw RPCError(code: .internal, message: "the client sent no request message")
        }
        return try MessageCoding.decodeRequest(Request.self, from: bytes)
    }
}
