import Testing
import TiltsInterop
import TiltsRPC
@testable import TiltsTransport

/// ``ClientStream`` hands the reader every ready message in one hop; order, the end of the
/// stream and flow control must not notice.
@Suite struct ClientStreamBatchTests {
    @Test func readerBatchIsFirstInFirstOutAndEmptiesItsSlots() {
        var batch = ClientStream.ReaderBatch()
        #expect(batch.isEmpty)
        batch.fill([[1], [2], [3]])
        #expect(batch.next() == [1])
        #expect(batch.next() == [2])
        #expect(!batch.isEmpty)
        #expect(batch.next() == [3])
        #expect(batch.isEmpty)
        #expect(batch.next() == nil)
        batch.fill([[4]])
        batch.clear()
        #expect(batch.next() == nil)
    }

    /// Many small responses, far more than one batch and more bytes than the receive window, come
    /// out in order, with the status after the last one; read from a task off the loop.
    @Test func aLongServerStreamArrivesInOrder() async throws {
        let fixture = try await TestServer.start()
        let count = 5 * ClientStream.receiveBatchCount + 7
        var request = StreamingOutputCallRequest()
        request.responseParameters = (0..<count).map { index in
            var parameters = ResponseParameters()
            parameters.size = Int32(index % 300)
            return parameters
        }
        let sizes = try await fixture.client.serverStreaming(
            TestServiceMethods.streamingOutputCall, request: request, responseType: StreamingOutputCallResponse.self
        ) { responses in
            var sizes: [Int] = []
            for try await response in responses { sizes.append(response.payload?.body.count ?? 0) }
            return sizes
        }
        #expect(sizes == (0..<count).map { $0 % 300 })
        await fixture.stop()
    }

    /// A slow reader keeps the server waiting (the window is not reopened ahead of the reader) and
    /// still gets everything, in order, once it reads.
    @Test func aSlowReaderStillGetsEverythingInOrder() async throws {
        let fixture = try await TestServer.start()
        let count = 600
        var request = StreamingOutputCallRequest()
        request.responseParameters = (0..<count).map { index in
            var parameters = ResponseParameters()
            parameters.size = Int32(8_000 + index)
            return parameters
        }
        let sizes = try await fixture.client.serverStreaming(
            TestServiceMethods.streamingOutputCall, request: request, responseType: StreamingOutputCallResponse.self
        ) { responses in
            var sizes: [Int] = []
            for try await response in responses {
                sizes.append(response.payload?.body.count ?? 0)
                if sizes.count % 100 == 0 { try await Task.sleep(for: .milliseconds(20)) }
            }
            return sizes
        }
        #expect(sizes == (0..<count).map { 8_000 + $0 })
        await fixture.stop()
    }

    /// A cancelled call drops what it had buffered: the reader sees the end, not stale messages.
    /// (4 MB of responses: more than the receive window and the queue's watermark together, so
    /// the server cannot finish, and send its status, before the cancel.)
    @Test func cancelDropsTheBufferedMessages() async throws {
        let fixture = try await TestServer.start()
        var request = StreamingOutputCallRequest()
        request.responseParameters = (0..<4_000).map { _ in
            var parameters = ResponseParameters()
            parameters.size = 1_000
            return parameters
        }
        let call = try await fixture.connection.openCall(
            TestServiceMethods.streamingOutputCall, metadata: Metadata(), deadline: nil)
        try await call.send(request.serializedBytes())
        call.closeSend()
        _ = try await call.receive()
        call.cancel()
        // Give the cancel its hop to the loop.
        try await Task.sleep(for: .milliseconds(50))
        var after = 0
        while try await call.receive() != nil { after += 1 }
        #expect(after == 0)
        let (status, _) = await call.status()
        #expect(status.code == .cancelled)
        await fixture.stop()
    }
}
