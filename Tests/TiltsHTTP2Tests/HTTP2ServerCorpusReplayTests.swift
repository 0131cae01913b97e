import Foundation
import NIOCore
import Testing
import TiltsHTTP2

/// Replays the `http2-server` fuzzer's committed inputs (`Tests/Fuzz/corpus/http2-server`: seeds
/// and every input it once crashed on) through a server session, whole and in 7-byte chunks,
/// answering requests as the harness's delegate does with flag bit 0. Nothing may trap.
@Suite("Fuzz corpus replay: HTTP/2 server")
struct HTTP2ServerCorpusReplayTests {
    final class Answering: HTTP2SessionDelegate {
        var requests = 0
        func session(_ session: HTTP2Session, didReceiveHeaders headers: [HTTP2Header], streamID: Int32, kind: HTTP2HeadersKind, endStream: Bool) {
            guard kind == .request else { return }
            requests += 1
            try? session.submitResponse(streamID: streamID, headers: [HTTP2Header(":status", "200")], endStream: false)
            session.send(ByteBuffer(bytes: [0, 0, 0, 0, 1, 9]), streamID: streamID)
            session.finish(streamID: streamID, trailers: [HTTP2Header("grpc-status", "0")])
        }
        func session(_ session: HTTP2Session, didReceiveData bytes: UnsafeRawBufferPointer, streamID: Int32) {
            session.consume(streamID: streamID, count: bytes.count)
        }
        func session(_ session: HTTP2Session, didReceiveEndStream streamID: Int32) {}
        func session(_ session: HTTP2Session, streamClosed streamID: Int32, errorCode: UInt32) {}
    }

    /// Feeds the preface and `input` in chunks; returns the requests seen.
    static func run(_ input: [UInt8], chunk: Int) -> Int {
        let delegate = Answering()
        guard let session = try? HTTP2Session(role: .server, delegate: delegate) else { return -1 }
        var output = ByteBufferAllocator().buffer(capacity: 0)
        let stream = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + input
        var offset = 0
        while offset < stream.count {
            let end = min(stream.count, offset + chunk)
            do {
                try session.receive(ByteBuffer(bytes: stream[offset..<end]))
            } catch {
                break
            }
            output.clear()
            session.produceOutput(into: &output)
            offset = end
        }
        output.clear()
        session.produceOutput(into: &output)
        return delegate.requests
    }

    @Test func committedInputsNeverTrap() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fuzz/corpus/http2-server").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5)
        var requests = 0
        for name in names {
            let data = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            guard !data.isEmpty else { continue }
            let input = Array(data[1...])
            let whole = Self.run(input, chunk: max(1, input.count + 32))
            let chunked = Self.run(input, chunk: 7)
            #expect(whole == chunked, "\(name): chunking changed what was decoded")
            requests += whole
        }
        #expect(requests > 0, "the seeds carry requests the session decodes")
    }
}
