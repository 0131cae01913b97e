internal import TiltsRPC
internal import TiltsWire

/// The bodies of the standard interop cases, in the order of grpc's descriptions.
enum InteropCases {
    static func emptyUnary(_ client: RPCClient) async throws {
        let _: Empty = try await client.unary(TestServiceMethods.emptyCall, request: Empty())
    }

    static func largeUnary(_ client: RPCClient) async throws {
        var request = SimpleRequest()
        request.responseSize = 314_159
        request.payload = payload(271_828)
        let response: SimpleResponse = try await client.unary(TestServiceMethods.unaryCall, request: request)
        try expect(response.payload?.body.count == 314_159, "large_unary: wrong response size \(response.payload?.body.count ?? -1)")
        try expect(response.payload?.body.allSatisfy { $0 == 0 } ?? false, "large_unary: payload is not zeros")
    }

    static func clientStreaming(_ client: RPCClient) async throws {
        let response: ClientResponse<StreamingInputCallResponse> = try await client.clientStreaming(
            TestServiceMethods.streamingInputCall, requestType: StreamingInputCallRequest.self
        ) { writer in
            for size in [27_182, 8, 1_828, 45_904] {
                var request = StreamingInputCallRequest()
                request.payload = payload(size)
                try await writer.write(request)
            }
        }
        try expect(response.message.aggregatedPayloadSize == 74_922, "client_streaming: aggregated size \(response.message.aggregatedPayloadSize)")
    }

    static func serverStreaming(_ client: RPCClient) async throws {
        let sizes: [Int32] = [31_415, 9, 2_653, 58_979]
        var request = StreamingOutputCallRequest()
        request.responseParameters = sizes.map { size in
            var parameters = ResponseParameters()
            parameters.size = size
            return parameters
        }
        let received = try await client.serverStreaming(
            TestServiceMethods.streamingOutputCall, request: request, responseType: StreamingOutputCallResponse.self
        ) { responses in
            var received: [Int] = []
            for try await response in responses { received.append(response.payload?.body.count ?? -1) }
            return received
        }
        try expect(received == sizes.map(Int.init), "server_streaming: sizes \(received)")
    }

    static func pingPong(_ client: RPCClient) async throws {
        let pairs: [(Int32, Int)] = [(31_415, 27_182), (9, 8), (2_653, 1_828), (58_979, 45_904)]
        try await client.bidirectionalStreaming(
            TestServiceMethods.fullDuplexCall, requestType: StreamingOutputCallRequest.self,
            responseType: StreamingOutputCallResponse.self
        ) { writer, responses in
            var iterator = responses.makeAsyncIterator()
            for (responseSize, requestSize) in pairs {
                try await writer.write(streamingRequest(responseSize: responseSize, payloadSize: requestSize))
                let response = try await iterator.next()
                try expect(response?.payload?.body.count == Int(responseSize), "ping_pong: wrong response size")
            }
            writer.finish()
            let end = try await iterator.next()
            try expect(end == nil, "ping_pong: unexpected extra response")
        }
    }

    static func emptyStream(_ client: RPCClient) async throws {
        try await client.bidirectionalStreaming(
            TestServiceMethods.fullDuplexCall, requestType: StreamingOutputCallRequest.self,
            responseType: StreamingOutputCallResponse.self
        ) { writer, responses in
            writer.finish()
            var count = 0
            for try await _ in responses { count += 1 }
            try expect(count == 0, "empty_stream: got \(count) responses")
        }
    }

    static func timeoutOnSleepingServer(_ client: RPCClient) async throws {
        let error = try await expectError {
            try await client.bidirectionalStreaming(
                TestServiceMethods.fullDuplexCall, timeout: .milliseconds(1), requestType: StreamingOutputCallRequest.self,
                responseType: StreamingOutputCallResponse.self
            ) { writer, responses in
                try? await writer.write(streamingRequest(responseSize: 0, payloadSize: 27_182))
                for try await _ in responses {}
            }
        }
        try expect(error.code == .deadlineExceeded, "timeout_on_sleeping_server: got \(error.code)")
    }

    static func cancelAfterBegin(_ client: RPCClient) async throws {
        let call = try await client.transport.openCall(TestServiceMethods.streamingInputCall, metadata: Metadata(), deadline: nil)
        call.cancel()
        let (status, _) = await call.status()
        try expect(status.code == .cancelled, "cancel_after_begin: got \(status.code)")
    }

    static func cancelAfterFirstResponse(_ client: RPCClient) async throws {
        let call = try await client.transport.openCall(TestServiceMethods.fullDuplexCall, metadata: Metadata(), deadline: nil)
        try await call.send(streamingRequest(responseSize: 31_415, payloadSize: 27_182).serializedBytes())
        let first = try await call.receive().map { try StreamingOutputCallResponse(serializedBytes: $0) }
        try expect(first?.payload?.body.count == 31_415, "cancel_after_first_response: wrong first response")
        call.cancel()
        let (status, _) = await call.status()
        try expect(status.code == .cancelled, "cancel_after_first_response: got \(status.code)")
    }

    static func customMetadata(_ client: RPCClient) async throws {
        var metadata = Metadata()
        metadata.add("x-grpc-test-echo-initial", "test_initial_metadata_value")
        metadata.add("x-grpc-test-echo-trailing-bin", [0xAB, 0xAB, 0xAB])
        var request = SimpleRequest()
        request.responseSize = 314_159
        request.payload = payload(271_828)
        let unary: ClientResponse<SimpleResponse> = try await client.unaryResponse(
            TestServiceMethods.unaryCall, request: request, metadata: metadata)
        try checkEcho(initial: unary.initialMetadata, trailing: unary.trailingMetadata, "unary")

        try await client.bidirectionalStreaming(
            TestServiceMethods.fullDuplexCall, metadata: metadata, requestType: StreamingOutputCallRequest.self,
            responseType: StreamingOutputCallResponse.self
        ) { writer, responses in
            try await writer.write(streamingRequest(responseSize: 314_159, payloadSize: 271_828))
            writer.finish()
            for try await _ in responses {}
            try checkEcho(initial: try await responses.initialMetadata(), trailing: await responses.trailingMetadata(), "full duplex")
        }
    }

    static func statusCodeAndMessage(_ client: RPCClient) async throws {
        try await expectEchoedStatus(client, message: "test status message")
    }

    static func specialStatusMessage(_ client: RPCClient) async throws {
        try await expectEchoedStatus(client, message: "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n")
    }

    static func unimplemented(_ client: RPCClient, _ method: MethodDescriptor) async throws {
        let error = try await expectError {
            let _: Empty = try await client.unary(method, request: Empty())
        }
        try expect(error.code == .unimplemented, "\(method): got \(error.code)")
    }

    // MARK: - Helpers

    private static func expectEchoedStatus(_ client: RPCClient, message: String) async throws {
        var status = EchoStatus()
        status.code = 2
        status.message = message
        var request = SimpleRequest()
        request.responseStatus = status
        let unaryError = try await expectError {
            let _: SimpleResponse = try await client.unary(TestServiceMethods.unaryCall, request: request)
        }
        try expect(unaryError.code == .unknown && unaryError.message == message, "unary status: got \(unaryError)")

        var streaming = StreamingOutputCallRequest()
        streaming.responseStatus = status
        let streamError = try await expectError {
            try await client.bidirectionalStreaming(
                TestServiceMethods.fullDuplexCall, requestType: StreamingOutputCallRequest.self,
                responseType: StreamingOutputCallResponse.self
            ) { writer, responses in
                try await writer.write(streaming)
                writer.finish()
                for try await _ in responses {}
            }
        }
        try expect(streamError.code == .unknown && streamError.message == message, "full duplex status: got \(streamError)")
    }

    private static func checkEcho(initial: Metadata, trailing: Metadata, _ label: String) throws {
        try expect(initial.first("x-grpc-test-echo-initial") == "test_initial_metadata_value", "\(label): initial metadata not echoed")
        try expect(trailing.firstBinary("x-grpc-test-echo-trailing-bin") == [0xAB, 0xAB, 0xAB], "\(label): trailing metadata not echoed")
    }

    private static func payload(_ size: Int) -> Payload {
        var payload = Payload()
        payload.body = [UInt8](repeating: 0, count: size)
        return payload
    }

    private static func streamingRequest(responseSize: Int32, payloadSize: Int) -> StreamingOutputCallRequest {
        var request = StreamingOutputCallRequest()
        var parameters = ResponseParameters()
        parameters.size = responseSize
        request.responseParameters = [parameters]
        request.payload = payload(payloadSize)
        return request
    }
}
