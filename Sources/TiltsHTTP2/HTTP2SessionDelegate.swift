/// Receives what an ``HTTP2Session`` decodes from its peer.
///
/// Every method is called synchronously from inside ``HTTP2Session/receive(_:)`` (or from
/// ``HTTP2Session/produceOutput(into:)`` for ``session(_:streamClosed:errorCode:)`` when a local
/// reset closes a stream), so on the thread that owns the session. Implementations must not call
/// `receive` re-entrantly; submitting frames from a callback is allowed.
public protocol HTTP2SessionDelegate: AnyObject {
    /// A complete header block arrived: request headers (server), response headers or trailers.
    func session(_ session: HTTP2Session, didReceiveHeaders headers: [HTTP2Header], streamID: Int32, kind: HTTP2HeadersKind, endStream: Bool)
    /// A chunk of a DATA frame's payload. The bytes are only valid during the call.
    func session(_ session: HTTP2Session, didReceiveData bytes: UnsafeRawBufferPointer, streamID: Int32)
    /// The peer half-closed the stream with a DATA frame carrying END_STREAM.
    func session(_ session: HTTP2Session, didReceiveEndStream streamID: Int32)
    /// The stream is closed. `errorCode` 0 is a clean close; others are RST_STREAM codes.
    func session(_ session: HTTP2Session, streamClosed streamID: Int32, errorCode: UInt32)
    /// The peer sent GOAWAY: streams above `lastStreamID` were not processed.
    func session(_ session: HTTP2Session, didReceiveGoAway lastStreamID: Int32, errorCode: UInt32)
    /// The stream's outbound buffer emptied into frames; a writer waiting for room may continue.
    func session(_ session: HTTP2Session, outboundDrained streamID: Int32)
}

extension HTTP2SessionDelegate {
    public func session(_ session: HTTP2Session, didReceiveGoAway lastStreamID: Int32, errorCode: UInt32) {}
    public func session(_ session: HTTP2Session, outboundDrained streamID: Int32) {}
}

/// Which header block of a stream arrived.
public enum HTTP2HeadersKind: Sendable, Hashable {
    /// The first block of a stream the peer opened (server side).
    case request
    /// The first block of the answer on a stream we opened (client side).
    case response
    /// A later block: trailers (or a non-final 1xx response, which gRPC does not use).
    case trailers
}
