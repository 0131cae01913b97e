import NIOCore
import Testing
import TiltsHTTP2

/// Records what a session reports.
final class RecordingDelegate: HTTP2SessionDelegate {
    var headers: [(Int32, HTTP2HeadersKind, [HTTP2Header], Bool)] = []
    var data: [Int32: [UInt8]] = [:]
    var ended: [Int32] = []
    var closed: [(Int32, UInt32)] = []
    var goAways: [UInt32] = []

    func session(_ session: HTTP2Session, didReceiveHeaders headers: [HTTP2Header], streamID: Int32, kind: HTTP2HeadersKind, endStream: Bool) {
        self.headers.append((streamID, kind, headers, endStream))
    }
    func session(_ session: HTTP2Session, didReceiveData bytes: UnsafeRawBufferPointer, streamID: Int32) {
        data[streamID, default: []].append(contentsOf: bytes)
        session.consume(streamID: streamID, count: bytes.count)
    }
    func session(_ session: HTTP2Session, didReceiveEndStream streamID: Int32) { ended.append(streamID) }
    func session(_ session: HTTP2Session, streamClosed streamID: Int32, errorCode: UInt32) { closed.append((streamID, errorCode)) }
    func session(_ session: HTTP2Session, didReceiveGoAway lastStreamID: Int32, errorCode: UInt32) { goAways.append(errorCode) }
}

/// A client and a server session wired back to back in memory.
struct SessionPair {
    let clientDelegate = RecordingDelegate()
    let serverDelegate = RecordingDelegate()
    let client: HTTP2Session
    let server: HTTP2Session

    init(settings: HTTP2Settings = .defaults) throws {
        client = try HTTP2Session(role: .client, settings: settings, delegate: clientDelegate)
        server = try HTTP2Session(role: .server, settings: settings, delegate: serverDelegate)
    }

    /// Moves bytes both ways until neither side has anything to send.
    func exchange() throws {
        for _ in 0..<100 {
            var toServer = ByteBufferAllocator().buffer(capacity: 0)
            var toClient = ByteBufferAllocator().buffer(capacity: 0)
            let a = client.produceOutput(into: &toServer)
            if a { try server.receive(toServer) }
            let b = server.produceOutput(into: &toClient)
            if b { try client.receive(toClient) }
            if !a && !b { return }
        }
    }
}

@Suite struct HTTP2SessionTests {
    let requestHeaders = [
        HTTP2Header(":method", "POST"), HTTP2Header(":scheme", "http"), HTTP2Header(":path", "/svc/Method"),
        HTTP2Header(":authority", "localhost"), HTTP2Header("content-type", "application/grpc"), HTTP2Header("te", "trailers"),
    ]

    @Test func requestAndResponseWithTrailersTravelBothWays() throws {
        let pair = try SessionPair()
        let stream = try pair.client.submitRequest(headers: requestHeaders)
        pair.client.send(ByteBuffer(bytes: [0, 0, 0, 0, 2, 7, 7]), streamID: stream)
        pair.client.finish(streamID: stream, trailers: nil)
        try pair.exchange()

        #expect(pair.serverDelegate.headers.count == 1)
        #expect(pair.serverDelegate.headers[0].1 == .request)
        #expect(pair.serverDelegate.headers[0].2.first(":path") == "/svc/Method")
        #expect(pair.serverDelegate.data[stream] == [0, 0, 0, 0, 2, 7, 7])
        #expect(pair.serverDelegate.ended == [stream])

        try pair.server.submitResponse(
            streamID: stream, headers: [HTTP2Header(":status", "200"), HTTP2Header("content-type", "application/grpc")],
            endStream: false)
        pair.server.send(ByteBuffer(bytes: [0, 0, 0, 0, 1, 9]), streamID: stream)
        pair.server.finish(streamID: stream, trailers: [HTTP2Header("grpc-status", "0")])
        try pair.exchange()

        let kinds = pair.clientDelegate.headers.map(\.1)
        #expect(kinds == [.response, .trailers])
        #expect(pair.clientDelegate.headers[1].2.first("grpc-status") == "0")
        #expect(pair.clientDelegate.headers[1].3 == true)
        #expect(pair.clientDelegate.data[stream] == [0, 0, 0, 0, 1, 9])
        #expect(pair.clientDelegate.closed.map(\.0) == [stream])
    }

    @Test func trailersOnlyResponseClosesTheStream() throws {
        let pair = try SessionPair()
        let stream = try pair.client.submitRequest(headers: requestHeaders)
        pair.client.finish(streamID: stream, trailers: nil)
        try pair.exchange()
        try pair.server.submitResponse(
            streamID: stream, headers: [HTTP2Header(":status", "200"), HTTP2Header("grpc-status", "12")], endStream: true)
        try pair.exchange()
        #expect(pair.clientDelegate.headers.count == 1)
        #expect(pair.clientDelegate.headers[0].3 == true)
        #expect(pair.clientDelegate.closed.map(\.1) == [0])
    }

    @Test func largeBodiesFlowUnderFlowControl() throws {
        let pair = try SessionPair()
        let stream = try pair.client.submitRequest(headers: requestHeaders)
        let body = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0) }
        pair.client.send(ByteBuffer(bytes: body), streamID: stream)
        pair.client.finish(streamID: stream, trailers: nil)
        try pair.exchange()
        #expect(pair.serverDelegate.data[stream]?.count == body.count)
        #expect(pair.serverDelegate.data[stream] == body)
    }

    @Test func resetStreamIsReportedWithItsCode() throws {
        let pair = try SessionPair()
        let stream = try pair.client.submitRequest(headers: requestHeaders)
        try pair.exchange()
        pair.client.resetStream(streamID: stream, errorCode: HTTP2ErrorCode.cancel)
        try pair.exchange()
        #expect(pair.serverDelegate.closed.first?.0 == stream)
        #expect(pair.serverDelegate.closed.first?.1 == HTTP2ErrorCode.cancel)
    }

    @Test func garbageInsteadOfThePrefaceIsAProtocolError() throws {
        let delegate = RecordingDelegate()
        let server = try HTTP2Session(role: .server, delegate: delegate)
        #expect(throws: HTTP2Error.self) {
            try server.receive(ByteBuffer(bytes: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)))
        }
    }

    @Test func rapidResetsEndTheConnection() throws {
        let settings = HTTP2Settings.defaults { $0.streamResetBurst = 10; $0.streamResetRate = 1 }
        let pair = try SessionPair(settings: settings)
        var failed = false
        for _ in 0..<100 {
            guard let stream = try? pair.client.submitRequest(headers: requestHeaders) else { break }
            do { try pair.exchange() } catch { failed = true; break }
            pair.client.resetStream(streamID: stream, errorCode: HTTP2ErrorCode.cancel)
            do { try pair.exchange() } catch { failed = true; break }
            if !pair.clientDelegate.goAways.isEmpty { break }
        }
        // nghttp2 tears the connection down with GOAWAY once the burst of 10 is spent.
        #expect(failed || !pair.clientDelegate.goAways.isEmpty, "goaways \(pair.clientDelegate.goAways)")
        #expect(pair.serverDelegate.closed.count <= 12)
    }
}
