public import NIOCore

/// One HTTP/2 connection's protocol state, run by nghttp2 without any I/O of its own.
///
/// The owner feeds it the bytes read from the peer with ``receive(_:)``, which reports decoded
/// headers, data and stream events to the ``delegate``; and it drains the frames the session
/// wants to send with ``produceOutput(into:)`` and writes them itself. This keeps nghttp2 a pure
/// state machine (its `mem_recv`/`mem_send` API) so any channel, an `EmbeddedChannel` included,
/// can drive it.
///
/// Bodies are buffered per stream: ``send(_:streamID:)`` appends bytes, ``finish(streamID:trailers:)``
/// ends the body (with trailers or END_STREAM). nghttp2 pulls from that buffer as flow control
/// allows. Stream-level receive windows open only when the owner calls ``consume(streamID:count:)``,
/// so a slow reader pushes back on its peer; the connection window opens as bytes arrive.
///
/// Threading: not thread-safe. One session belongs to one event loop (or one task) for its life;
/// every call, and every delegate callback, happens there.
///
/// ```swift
/// let session = try HTTP2Session(role: .server, settings: .defaults, delegate: handler)
/// try session.receive(bytesFromPeer)
/// var out = allocator.buffer(capacity: 0)
/// session.produceOutput(into: &out)
/// channel.writeAndFlush(out)
/// ```
public final class HTTP2Session {
    /// Which end of the connection this session plays.
    public enum Role: Sendable { case server, client }

    public let role: Role
    public let settings: HTTP2Settings
    /// Receives decoded events. Held weakly: the owner holds the session.
    public weak var delegate: (any HTTP2SessionDelegate)?

    let core: NGHTTP2Core

    /// Creates the session and queues its SETTINGS frame and connection WINDOW_UPDATE.
    /// - Throws: ``HTTP2Error`` with code `sessionSetup` if nghttp2 cannot allocate it.
    public init(role: Role, settings: HTTP2Settings = .defaults, delegate: (any HTTP2SessionDelegate)?) throws {
        self.role = role
        self.settings = settings
        self.delegate = delegate
        self.core = NGHTTP2Core()
        try core.start(owner: self)
    }

    deinit {
        core.destroy()
    }

    /// Decodes bytes from the peer, calling the delegate for every complete event.
    /// - Throws: ``HTTP2Error`` (`protocolError`) when the peer broke the protocol; pending
    ///   output then holds a GOAWAY where one is due, so drain it before closing.
    public func receive(_ buffer: ByteBuffer) throws {
        try buffer.withUnsafeReadableBytes { bytes in
            try core.receive(bytes)
        }
    }

    /// Appends every frame the session is ready to send to `buffer`.
    /// - Returns: whether any bytes were appended.
    @discardableResult
    public func produceOutput(into buffer: inout ByteBuffer) -> Bool {
        let appended = core.produceOutput(into: &buffer)
        core.notifyDrained(owner: self)
        return appended
    }

    /// Whether the session has frames queued or bodies it can send now.
    public var wantsWrite: Bool { core.wantsWrite }

    /// Whether the session still expects frames from the peer (false after GOAWAY both ways).
    public var wantsRead: Bool { core.wantsRead }

    /// Answers a request stream. With `endStream` the HEADERS frame closes the stream, which is
    /// how a gRPC Trailers-Only response goes out; otherwise a body follows through ``send(_:streamID:)``.
    public func submitResponse(streamID: Int32, headers: [HTTP2Header], endStream: Bool) throws {
        try core.submitResponse(streamID: streamID, headers: headers, endStream: endStream)
    }

    /// Opens a stream with request headers; its body follows through ``send(_:streamID:)``.
    /// - Returns: the new stream's id.
    public func submitRequest(headers: [HTTP2Header]) throws -> Int32 {
        try core.submitRequest(headers: headers)
    }

    /// Queues body bytes on an open stream. Bytes for a stream already closed are dropped.
    public func send(_ bytes: ByteBuffer, streamID: Int32) {
        core.send(bytes, streamID: streamID)
    }

    /// Ends the stream's body: after the buffered bytes, trailers (which close the stream) or, with
    /// `nil`, an empty DATA frame with END_STREAM.
    public func finish(streamID: Int32, trailers: [HTTP2Header]?) {
        core.finish(streamID: streamID, trailers: trailers)
    }

    /// Bytes queued on a stream that nghttp2 has not yet framed (flow control holds them back).
    public func bufferedOutboundBytes(streamID: Int32) -> Int {
        core.bufferedBytes(streamID: streamID)
    }

    /// Resets a stream with RST_STREAM; the delegate hears `streamClosed` once it is sent.
    public func resetStream(streamID: Int32, errorCode: UInt32) {
        core.resetStream(streamID: streamID, errorCode: errorCode)
    }

    /// Opens the stream's receive window by `count` bytes the application has used.
    public func consume(streamID: Int32, count: Int) {
        core.consume(streamID: streamID, count: count)
    }

    /// Sends the first GOAWAY of a graceful shutdown (last stream id 2^31-1), telling the peer to
    /// open no new streams while the ones in flight finish.
    public func submitShutdownNotice() {
        core.submitShutdownNotice()
    }

    /// Sends the final GOAWAY naming the last stream processed, with the given error code.
    public func submitGoAway(errorCode: UInt32 = 0) {
        core.submitGoAway(errorCode: errorCode)
    }

    /// Queues a PING; nghttp2 answers the peer's pings by itself.
    public func submitPing(payload: UInt64 = 0) {
        core.submitPing(payload: payload)
    }

    /// The highest stream id the peer opened that this session processed.
    public var lastProcessedStreamID: Int32 { core.lastProcessedStreamID }

    /// The peer's SETTINGS_MAX_CONCURRENT_STREAMS: how many streams we may have open at once.
    public var peerMaxConcurrentStreams: UInt32 { core.peerMaxConcurrentStreams }
}

/// Error codes of RST_STREAM and GOAWAY (RFC 9113 section 7) used by Tilts.
public enum HTTP2ErrorCode {
    public static let noError: UInt32 = 0x0
    public static let protocolError: UInt32 = 0x1
    public static let internalError: UInt32 = 0x2
    public static let flowControlError: UInt32 = 0x3
    public static let refusedStream: UInt32 = 0x7
    public static let cancel: UInt32 = 0x8
    public static let enhanceYourCalm: UInt32 = 0xb
}
