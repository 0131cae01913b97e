public import TiltsRPC

/// The standard gRPC interop cases (grpc's `doc/interop-test-descriptions.md`), run by the Tilts
/// client against any `grpc.testing.TestService` server, such as a stock grpcio one.
public enum InteropTestCase: String, CaseIterable, Sendable {
    case emptyUnary = "empty_unary"
    case largeUnary = "large_unary"
    case clientStreaming = "client_streaming"
    case serverStreaming = "server_streaming"
    case pingPong = "ping_pong"
    case emptyStream = "empty_stream"
    case timeoutOnSleepingServer = "timeout_on_sleeping_server"
    case cancelAfterBegin = "cancel_after_begin"
    case cancelAfterFirstResponse = "cancel_after_first_response"
    case customMetadata = "custom_metadata"
    case statusCodeAndMessage = "status_code_and_message"
    case specialStatusMessage = "special_status_message"
    case unimplementedMethod = "unimplemented_method"
    case unimplementedService = "unimplemented_service"

    /// Runs the case; throws ``InteropFailure`` when the server's behaviour is not what the case expects.
    public func run(_ client: RPCClient) async throws {
        switch self {
        case .emptyUnary: try await InteropCases.emptyUnary(client)
        case .largeUnary: try await InteropCases.largeUnary(client)
        case .clientStreaming: try await InteropCases.clientStreaming(client)
        case .serverStreaming: try await InteropCases.serverStreaming(client)
        case .pingPong: try await InteropCases.pingPong(client)
        case .emptyStream: try await InteropCases.emptyStream(client)
        case .timeoutOnSleepingServer: try await InteropCases.timeoutOnSleepingServer(client)
        case .cancelAfterBegin: try await InteropCases.cancelAfterBegin(client)
        case .cancelAfterFirstResponse: try await InteropCases.cancelAfterFirstResponse(client)
        case .customMetadata: try await InteropCases.customMetadata(client)
        case .statusCodeAndMessage: try await InteropCases.statusCodeAndMessage(client)
        case .specialStatusMessage: try await InteropCases.specialStatusMessage(client)
        case .unimplementedMethod: try await InteropCases.unimplemented(client, TestServiceMethods.unimplementedCall)
        case .unimplementedService:
            try await InteropCases.unimplemented(client, TestServiceMethods.unimplementedServiceCall)
        }
    }
}

/// A case's expectation that did not hold.
public struct InteropFailure: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Asserts `condition` or throws an ``InteropFailure`` with `message`.
func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw InteropFailure(message()) }
}

/// Runs `body` and returns the ``RPCError`` it must throw.
func expectError(_ body: () async throws -> Void) async throws -> RPCError {
    do {
        try await body()
    } catch let error as RPCError {
        return error
    }
    throw InteropFailure("the call succeeded but was expected to fail")
}
