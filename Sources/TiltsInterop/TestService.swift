public import TiltsRPC

/// `grpc.testing.TestService`, behaving like grpc's reference interop server, so the standard
/// interop cases can judge the Tilts runtime against stock gRPC clients.
///
/// `UnimplementedCall` is deliberately not served: the interop case expects UNIMPLEMENTED.
/// Metadata echo: `x-grpc-test-echo-initial` comes back as initial metadata and
/// `x-grpc-test-echo-trailing-bin` as trailing metadata; `response_status` sets the final status.
public struct TestService: RPCService {
    public init() {}

    public var methods: [ServerMethod] {
        [
            .unary(TestServiceMethods.emptyCall) { (_: Empty, call) -> Empty in
                Self.echoMetadata(call)
                return Empty()
            },
            .unary(TestServiceMethods.unaryCall) { (request: SimpleRequest, call) -> SimpleResponse in
                Self.echoMetadata(call)
                try Self.check(request.responseStatus)
                var response = SimpleResponse()
                response.payload = try Self.payload(size: request.responseSize)
                return response
            },
            .unary(TestServiceMethods.cacheableUnaryCall) { (request: SimpleRequest, call) -> SimpleResponse in
                Self.echoMetadata(call)
                var response = SimpleResponse()
                response.payload = try Self.payload(size: request.responseSize)
                return response
            },
            .serverStreaming(TestServiceMethods.streamingOutputCall) {
                (request: StreamingOutputCallRequest, call, writer: ResponseWriter<StreamingOutputCallResponse>) in
                Self.echoMetadata(call)
                try await Self.respond(to: request, writer: writer)
                try Self.check(request.responseStatus)
            },
            .clientStreaming(TestServiceMethods.streamingInputCall) {
                (requests: RequestStream<StreamingInputCallRequest>, call) -> StreamingInputCallResponse in
                Self.echoMetadata(call)
                var total: Int32 = 0
                for try await request in requests {
                    total += Int32(request.payload?.body.count ?? 0)
                }
                var response = StreamingInputCallResponse()
                response.aggregatedPayloadSize = total
                return response
            },
            .bidirectionalStreaming(TestServiceMethods.fullDuplexCall) {
                (requests: RequestStream<StreamingOutputCallRequest>, call, writer: ResponseWriter<StreamingOutputCallResponse>) in
                Self.echoMetadata(call)
                for try await request in requests {
                    try Self.check(request.responseStatus)
                    try await Self.respond(to: request, writer: writer)
                }
            },
            .bidirectionalStreaming(TestServiceMethods.halfDuplexCall) {
                (requests: RequestStream<StreamingOutputCallRequest>, call, writer: ResponseWriter<StreamingOutputCallResponse>) in
                Self.echoMetadata(call)
                var buffered: [StreamingOutputCallRequest] = []
                for try await request in requests { buffered.append(request) }
                for request in buffered {
                    try Self.check(request.responseStatus)
                    try await Self.respond(to: request, writer: writer)
                }
            },
        ]
    }

    private static func respond(
        to request: StreamingOutputCallRequest, writer: ResponseWriter<StreamingOutputCallResponse>
    ) async throws {
        for parameters in request.responseParameters {
            if parameters.intervalUs > 0 {
                try await Task.sleep(for: .microseconds(Int64(parameters.intervalUs)))
            }
            var response = StreamingOutputCallResponse()
            response.payload = try payload(size: parameters.size)
            try await writer.write(response)
        }
    }

    private static func payload(size: Int32) throws -> Payload {
        guard size >= 0 else {
            throw RPCError(code: .invalidArgument, message: "response size must not be negative")
        }
        var payload = Payload()
        payload.type = .compressable
        payload.body = [UInt8](repeating: 0, count: Int(size))
        return payload
    }

    private static func check(_ status: EchoStatus?) throws {
        guard let status, status.code != 0 else { return }
        throw RPCError(code: StatusCode(rawValue: Int(status.code)), message: status.message)
    }

    private static func echoMetadata(_ call: ServerCall) {
        if let initial = call.metadata.first("x-grpc-test-echo-initial") {
            var metadata = Metadata()
            metadata.add("x-grpc-test-echo-initial", initial)
            call.setInitialMetadata(metadata)
        }
        if let trailing = call.metadata.firstBinary("x-grpc-test-echo-trailing-bin") {
            var metadata = Metadata()
            metadata.add("x-grpc-test-echo-trailing-bin", trailing)
            call.addTrailingMetadata(metadata)
        }
    }
}
