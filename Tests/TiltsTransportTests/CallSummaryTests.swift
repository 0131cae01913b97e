import Synchronization
import Testing
import TiltsInterop
import TiltsRPC
import TiltsTransport

/// `GRPCServer.Config.onCallEnded` reports each ended call's path, status, duration and metadata
/// (what metrics and the request log are built from).
@Suite struct CallSummaryTests {
    final class Recorder: Sendable {
        private let summaries = Mutex<[GRPCServer.CallSummary]>([])

        func record(_ summary: GRPCServer.CallSummary) { summaries.withLock { $0.append(summary) } }

        /// The summaries so far, once there are at least `count` (waits up to 5 s).
        func wait(for count: Int) async throws -> [GRPCServer.CallSummary] {
            for _ in 0..<500 {
                let now = summaries.withLock { $0 }
                if now.count >= count { return now }
                try await Task.sleep(for: .milliseconds(10))
            }
            return summaries.withLock { $0 }
        }
    }

    @Test func eachEndedCallIsReportedWithItsDurationAndMetadata() async throws {
        let recorder = Recorder()
        let fixture = try await TestServer.start { $0.onCallEnded = { recorder.record($0) } }

        var slow = StreamingOutputCallRequest()
        slow.responseParameters = [ResponseParameters(size: 1, intervalUs: 50_000)]
        let metadata: Metadata = ["x-request-id": .string("req-42")]
        try await fixture.client.serverStreaming(
            TestServiceMethods.streamingOutputCall, request: slow, metadata: metadata,
            responseType: StreamingOutputCallResponse.self
        ) { responses in
            for try await _ in responses {}
        }
        var failing = SimpleRequest()
        failing.responseStatus = EchoStatus()
        failing.responseStatus?.code = Int32(StatusCode.notFound.rawValue)
        await #expect(throws: RPCError.self) {
            let _: SimpleResponse = try await fixture.client.unary(TestServiceMethods.unaryCall, request: failing)
        }
        await #expect(throws: RPCError.self) {
            let _: Empty = try await fixture.client.unary(TestServiceMethods.unimplementedCall, request: Empty())
        }

        let summaries = try await recorder.wait(for: 3)
        await fixture.stop()
        try #require(summaries.count == 3)

        let streamed = summaries[0]
        #expect(streamed.path == TestServiceMethods.streamingOutputCall.path)
        #expect(streamed.isRouted)
        #expect(streamed.code == .ok)
        #expect(streamed.duration >= .milliseconds(50))
        #expect(streamed.duration < .seconds(30))
        #expect(streamed.metadata.first("x-request-id") == "req-42")

        #expect(summaries[1].path == TestServiceMethods.unaryCall.path)
        #expect(summaries[1].code == .notFound)
        #expect(summaries[1].isRouted)
        #expect(summaries[1].duration > .zero)
        #expect(summaries[1].metadata.first("x-request-id") == nil)

        #expect(summaries[2].path == TestServiceMethods.unimplementedCall.path)
        #expect(summaries[2].code == .unimplemented)
        #expect(!summaries[2].isRouted)
    }
}
