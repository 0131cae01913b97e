import Foundation
import Testing
import TiltsHealth
import TiltsInterop
import TiltsMessages
import TiltsRPC
import TiltsTransport

/// The runtime end to end: a real server and client over a Unix socket, nghttp2 on both sides.
@Suite struct GRPCEndToEndTests {
    @Test func everyStandardInteropCasePasses() async throws {
        let fixture = try await TestServer.start()
        for testCase in InteropTestCase.allCases {
            do {
                try await testCase.run(fixture.client)
            } catch {
                Issue.record("\(testCase.rawValue): \(error)")
            }
        }
        await fixture.stop()
    }

    @Test func healthCheckAnswersServing() async throws {
        let fixture = try await TestServer.start()
        let status = try await HealthClient(client: fixture.client).check()
        #expect(status == .serving)
        let unknown = await #expect(throws: RPCError.self) {
            _ = try await HealthClient(client: fixture.client).check(service: "no.such.Service")
        }
        #expect(unknown?.code == .notFound)
        await fixture.stop()
    }

    @Test func threeMebibyteMessagesRoundTrip() async throws {
        let fixture = try await TestServer.start()
        var request = SimpleRequest()
        request.responseSize = 3 << 20
        request.payload = Payload()
        request.payload?.body = [UInt8](repeating: 1, count: 3 << 20)
        let response: SimpleResponse = try await fixture.client.unary(TestServiceMethods.unaryCall, request: request)
        #expect(response.payload?.body.count == 3 << 20)
        await fixture.stop()
    }

    @Test func fiveMebibyteRequestIsResourceExhausted() async throws {
        let fixture = try await TestServer.start()
        var request = SimpleRequest()
        request.payload = Payload()
        request.payload?.body = [UInt8](repeating: 1, count: 5 << 20)
        let connection = try GRPCClientConnection(
            target: .unixSocket(path: fixture.socketPath),
            config: { var c = GRPCClientConnection.Config.defaults; c.maxSendMessageSize = 8 << 20; return c }())
        let error = await #expect(throws: RPCError.self) {
            let _: SimpleResponse = try await RPCClient(transport: connection).unary(TestServiceMethods.unaryCall, request: request)
        }
        #expect(error?.code == .resourceExhausted)
        // The server still serves.
        let _: Empty = try await fixture.client.unary(TestServiceMethods.emptyCall, request: Empty())
        await connection.close()
        await fixture.stop()
    }

    @Test func deadlineExceededOnASlowServer() async throws {
        let fixture = try await TestServer.start()
        let request: StreamingOutputCallRequest = {
            var request = StreamingOutputCallRequest()
            request.responseParameters = [ResponseParameters(size: 0, intervalUs: 20_000_000)]
            return request
        }()
        let started = ContinuousClock.now
        let error = await #expect(throws: RPCError.self) {
            try await fixture.client.serverStreaming(
                TestServiceMethods.streamingOutputCall, request: request, timeout: .milliseconds(100),
                responseType: StreamingOutputCallResponse.self
            ) { responses in
                for try await _ in responses {}
            }
        }
        #expect(error?.code == .deadlineExceeded)
        // Far below the server's 20 s: the client gave up at its deadline, not when the server answered
        // (the margin absorbs a loaded machine running the suite in parallel).
        #expect(ContinuousClock.now - started < .seconds(10))
        await fixture.stop()
    }

    @Test func nonASCIIStatusMessagesSurvive() async throws {
        let fixture = try await TestServer.start()
        let message = "Bērns nav atrasts — ☺ 😈 %"
        var request = SimpleRequest()
        request.responseStatus = EchoStatus()
        request.responseStatus?.code = Int32(StatusCode.notFound.rawValue)
        request.responseStatus?.message = message
        let error = await #expect(throws: RPCError.self) {
            let _: SimpleResponse = try await fixture.client.unary(TestServiceMethods.unaryCall, request: request)
        }
        #expect(error?.code == .notFound)
        #expect(error?.message == message)
        await fixture.stop()
    }

    @Test func gracefulShutdownLetsInFlightCallsFinish() async throws {
        let fixture = try await TestServer.start()
        let request: StreamingOutputCallRequest = {
            var request = StreamingOutputCallRequest()
            request.responseParameters = (0..<4).map { _ in ResponseParameters(size: 10, intervalUs: 100_000) }
            return request
        }()
        // Shut down once the first response shows the call is in flight; the rest must still arrive.
        let server = fixture.server
        let count: Int = try await fixture.client.serverStreaming(
            TestServiceMethods.streamingOutputCall, request: request, responseType: StreamingOutputCallResponse.self
        ) { responses in
            var count = 0
            for try await _ in responses {
                count += 1
                if count == 1 { server.beginGracefulShutdown() }
            }
            return count
        }
        #expect(count == 4)
        await fixture.server.waitUntilStopped()
        await fixture.connection.close()
    }

    @Test func aLiveSocketIsNotStolenAndTheFileIsGroupOnly() async throws {
        let fixture = try await TestServer.start()
        let second = GRPCServer(config: .defaults { $0.listeners = [.unixSocket(path: fixture.socketPath)] }, services: [])
        let error = await #expect(throws: TransportError.self) { try await second.start() }
        #expect(error?.code == .addressInUse)
        await fixture.stop()

        // (A stale file left by a crashed process is replaced: Tests/interop/test_runtime.py.)
        let path = fixture.socketPath
        let third = GRPCServer(config: .defaults { $0.listeners = [.unixSocket(path: path)] }, services: [])
        try await third.start()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o660)
        third.beginGracefulShutdown()
        await third.waitUntilStopped()
    }

    @Test func clientReconnectsAfterTheServerRestarts() async throws {
        let fixture = try await TestServer.start()
        let _: Empty = try await fixture.client.unary(TestServiceMethods.emptyCall, request: Empty())
        fixture.server.beginGracefulShutdown()
        await fixture.server.waitUntilStopped()
        let restarted = GRPCServer(
            config: .defaults { $0.listeners = [.unixSocket(path: fixture.socketPath)] }, services: [TestService()])
        try await restarted.start()
        var succeeded = false
        for _ in 0..<50 where !succeeded {
            do {
                let _: Empty = try await fixture.client.unary(TestServiceMethods.emptyCall, request: Empty())
                succeeded = true
            } catch {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(succeeded)
        await fixture.connection.close()
        restarted.beginGracefulShutdown()
        await restarted.waitUntilStopped()
    }
}
