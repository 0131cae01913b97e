internal import TiltsRPC
internal import TiltsWire

/// Typed calls to the gateway with the caller's credentials, and printing of their answers.
///
/// Value type; used by one command at a time.
struct GatewayClient: Sendable {
    let rpc: RPCClient
    let metadata: Metadata
    let json: Bool

    /// Calls a unary method of `service`.
    func call<Request: Message, Response: Message>(
        _ service: String, _ method: String, _ request: Request, as: Response.Type = Response.self
    ) async throws -> Response {
        try await rpc.unary(MethodDescriptor(service: service, method: method), request: request, metadata: metadata)
    }

    /// Calls a server-streaming method of `service`; `each` sees every response in order.
    func serverStreaming<Request: Message, Response: Message>(
        _ service: String, _ method: String, _ request: Request, _ each: (Response) throws -> Void
    ) async throws {
        try await rpc.serverStreaming(
            MethodDescriptor(service: service, method: method), request: request, metadata: metadata,
            responseType: Response.self
        ) { responses in
            for try await response in responses { try each(response) }
        }
    }

    /// Prints `message` as proto3 JSON with `--json`, else as the table `render` makes.
    func emit<M: Message>(_ message: M, _ render: (M) -> String) {
        print(json ? message.jsonString() : render(message))
    }
}
