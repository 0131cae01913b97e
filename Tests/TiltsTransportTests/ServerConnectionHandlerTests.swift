import NIOCore
import NIOEmbedded
import Testing
import TiltsHTTP2
import TiltsInterop
import TiltsRPC
@testable import TiltsTransport

/// The server handler in an EmbeddedChannel, driven by an nghttp2 client session.
@Suite struct ServerConnectionHandlerTests {
    final class Recorder: HTTP2SessionDelegate {
        var headers: [[HTTP2Header]] = []
        func session(_ session: HTTP2Session, didReceiveHeaders headers: [HTTP2Header], streamID: Int32, kind: HTTP2HeadersKind, endStream: Bool) {
            self.headers.append(headers)
        }
        func session(_ session: HTTP2Session, didReceiveData bytes: UnsafeRawBufferPointer, streamID: Int32) {
            session.consume(streamID: streamID, count: bytes.count)
        }
        func session(_ session: HTTP2Session, didReceiveEndStream streamID: Int32) {}
        func session(_ session: HTTP2Session, streamClosed streamID: Int32, errorCode: UInt32) {}
    }

    func exchange(_ client: HTTP2Session, _ channel: EmbeddedChannel) throws {
        for _ in 0..<10 {
            var out = ByteBufferAllocator().buffer(capacity: 0)
            if client.produceOutput(into: &out) { try channel.writeInbound(out) }
            while let reply = try channel.readOutbound(as: ByteBuffer.self) { try client.receive(reply) }
        }
    }

    func makeChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        let handler = ServerConnectionHandler(
            config: .defaults, router: RPCRouter(services: [TestService()]), peer: PeerIdentity(endpoint: .inProcess),
            eventLoop: channel.eventLoop, logger: .init(label: "test"))
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.connect(to: SocketAddress(unixDomainSocketPath: "/tmp/x")).wait()
        return channel
    }

    func request(path: String, contentType: String) -> [HTTP2Header] {
        [HTTP2Header(":method", "POST"), HTTP2Header(":scheme", "http"), HTTP2Header(":path", path),
         HTTP2Header(":authority", "x"), HTTP2Header("content-type", contentType), HTTP2Header("te", "trailers")]
    }

    @Test func wrongContentTypeGetsHTTP415() throws {
        let channel = try makeChannel()
        let recorder = Recorder()
        let client = try HTTP2Session(role: .client, delegate: recorder)
        let stream = try client.submitRequest(headers: request(path: "/grpc.testing.TestService/EmptyCall", contentType: "application/json"))
        client.finish(streamID: stream, trailers: nil)
        try exchange(client, channel)
        #expect(recorder.headers.first?.first(":status") == "415")
        _ = try? channel.finish()
    }

    @Test func unknownMethodGetsTrailersOnlyUnimplemented() throws {
        let channel = try makeChannel()
        let recorder = Recorder()
        let client = try HTTP2Session(role: .client, delegate: recorder)
        let stream = try client.submitRequest(headers: request(path: "/no.Such/Method", contentType: "application/grpc"))
        client.finish(streamID: stream, trailers: nil)
        try exchange(client, channel)
        #expect(recorder.headers.count == 1)
        #expect(recorder.headers.first?.first(":status") == "200")
        #expect(recorder.headers.first?.first("grpc-status") == "12")
        _ = try? channel.finish()
    }

    @Test func garbageClosesTheConnection() throws {
        let channel = try makeChannel()
        try? channel.writeInbound(ByteBuffer(bytes: Array("PRI * HTTP/2.0\r\n\r\nXX garbage garbage garbage".utf8)))
        #expect(!channel.isActive)
    }
}
