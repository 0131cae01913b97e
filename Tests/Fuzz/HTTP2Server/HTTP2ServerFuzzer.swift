internal import NIOCore
internal import TiltsHTTP2

// libFuzzer target `http2-server`: a server-role HTTP2Session (nghttp2 behind our wrapper) fed
// the client connection preface and then arbitrary bytes, in chunks, draining its output after
// each. Input layout: byte 0 holds flags: bit 0 set makes the delegate answer every request
// (response headers, a body, trailers) and consume data, exercising the output paths; clear, the
// delegate does nothing. Bits 1-3 choose the chunk size (0: all at once, else 2^(n-1) bytes).
// The session may refuse the input (HTTP2Error) but must never trap or leak.

let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
let allocator = ByteBufferAllocator()

final class FuzzDelegate: HTTP2SessionDelegate {
    let answers: Bool
    init(answers: Bool) { self.answers = answers }

    func session(_ session: HTTP2Session, didReceiveHeaders headers: [HTTP2Header], streamID: Int32, kind: HTTP2HeadersKind, endStream: Bool) {
        guard answers, kind == .request else { return }
        try? session.submitResponse(
            streamID: streamID, headers: [HTTP2Header(":status", "200"), HTTP2Header("content-type", "application/grpc")],
            endStream: false)
        session.send(ByteBuffer(bytes: [0, 0, 0, 0, 3, 1, 2, 3]), streamID: streamID)
        session.finish(streamID: streamID, trailers: [HTTP2Header("grpc-status", "0")])
    }

    func session(_ session: HTTP2Session, didReceiveData bytes: UnsafeRawBufferPointer, streamID: Int32) {
        if answers { session.consume(streamID: streamID, count: bytes.count) }
    }

    func session(_ session: HTTP2Session, didReceiveEndStream streamID: Int32) {}
    func session(_ session: HTTP2Session, streamClosed streamID: Int32, errorCode: UInt32) {}
}

@_cdecl("LLVMFuzzerTestOneInput")
public func http2ServerFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 1 else { return 0 }
    let flags = data[0]
    let delegate = FuzzDelegate(answers: flags & 1 != 0)
    guard let session = try? HTTP2Session(role: .server, settings: .defaults, delegate: delegate) else {
        fatalError("could not create a session")
    }
    var output = allocator.buffer(capacity: 4096)
    func drain() {
        for _ in 0..<64 {
            output.clear()
            if !session.produceOutput(into: &output) { break }
        }
    }
    do {
        try session.receive(ByteBuffer(bytes: preface))
        drain()
        let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
        let shift = Int(flags >> 1 & 7)
        let chunk = shift == 0 ? max(1, input.count) : 1 << (shift - 1)
        var offset = 0
        while offset < input.count {
            let end = min(input.count, offset + chunk)
            try session.receive(ByteBuffer(bytes: UnsafeBufferPointer(rebasing: input[offset..<end])))
            drain()
            offset = end
        }
    } catch {
        // Refused input: what is queued (a GOAWAY) must still drain cleanly.
        drain()
    }
    return 0
}
