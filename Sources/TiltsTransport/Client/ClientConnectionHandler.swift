internal import NIOCore
internal import TiltsHTTP2
internal import TiltsRPC

/// The client end of one HTTP/2 connection: opens a stream per call and routes frames to it.
///
/// Threading: a channel handler; everything runs on the channel's event loop, shared with its
/// ``ClientStream``s. Ownership: owns the session and the open streams; ``GRPCClientConnection``
/// reaches it through a loop-bound reference.
final class ClientConnectionHandler: ChannelInboundHandler, HTTP2SessionDelegate {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let allocator = ByteBufferAllocator()
    private let settings: HTTP2Settings
    private let onUnusable: @Sendable () -> Void
    private var session: HTTP2Session?
    private var context: ChannelHandlerContext?
    private var streams: [Int32: ClientStream] = [:]
    private var reading = false
    private var flushScheduled = false
    /// Set once GOAWAY arrives or the channel closes: new calls need a new connection.
    private(set) var isUsable = true

    init(settings: HTTP2Settings, onUnusable: @escaping @Sendable () -> Void) {
        self.settings = settings
        self.onUnusable = onUnusable
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        session = try? HTTP2Session(role: .client, settings: settings, delegate: self)
        if session == nil { context.close(promise: nil) }
        if context.channel.isActive { flushOutput() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        lose(Status(code: .unavailable, message: "the connection to the server closed"))
        session = nil
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        flushOutput()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        lose(Status(code: .unavailable, message: "the connection to the server closed"))
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        reading = true
        do {
            try session?.receive(unwrapInboundIn(data))
        } catch {
            reading = false
            flushOutput()
            context.close(promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        reading = false
        flushOutput()
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    // MARK: - Calls

    /// Opens a stream for `stream` with these request headers.
    func open(_ stream: ClientStream, headers: [HTTP2Header], deadline: ContinuousClock.Instant?) throws {
        guard isUsable, let session else {
            throw RPCError(code: .unavailable, message: "the connection to the server is closing")
        }
        let streamID: Int32
        do {
            streamID = try session.submitRequest(headers: headers)
        } catch {
            throw RPCError(code: .unavailable, message: "could not open a stream: \(error)")
        }
        streams[streamID] = stream
        stream.attach(to: self, streamID: streamID, deadline: deadline)
        scheduleFlush()
    }

    func send(_ buffer: ByteBuffer, streamID: Int32) {
        session?.send(buffer, streamID: streamID)
        scheduleFlush()
    }

    func finish(streamID: Int32) {
        session?.finish(streamID: streamID, trailers: nil)
        scheduleFlush()
    }

    func bufferedBytes(streamID: Int32) -> Int {
        session?.bufferedOutboundBytes(streamID: streamID) ?? 0
    }

    func consume(streamID: Int32, count: Int) {
        session?.consume(streamID: streamID, count: count)
        scheduleFlush()
    }

    func reset(streamID: Int32, errorCode: UInt32) {
        session?.resetStream(streamID: streamID, errorCode: errorCode)
        scheduleFlush()
    }

    /// Closes the connection once its calls have ended.
    func close() {
        context?.close(promise: nil)
    }

    // MARK: - Session events

    func session(_ session: HTTP2Session, didReceiveHeaders headers: [HTTP2Header], streamID: Int32, kind: HTTP2HeadersKind, endStream: Bool) {
        streams[streamID]?.receivedHeaders(headers, endStream: endStream)
    }

    func session(_ session: HTTP2Session, didReceiveData bytes: UnsafeRawBufferPointer, streamID: Int32) {
        if let stream = streams[streamID] {
            stream.receivedData(bytes)
        } else {
            session.consume(streamID: streamID, count: bytes.count)
        }
    }

    func session(_ session: HTTP2Session, didReceiveEndStream streamID: Int32) {
        streams[streamID]?.receivedEnd()
    }

    func session(_ session: HTTP2Session, streamClosed streamID: Int32, errorCode: UInt32) {
        streams.removeValue(forKey: streamID)?.closed(errorCode: errorCode)
        // May run inside produceOutput: the close waits for the flush that follows.
        scheduleFlush()
    }

    func session(_ session: HTTP2Session, didReceiveGoAway lastStreamID: Int32, errorCode: UInt32) {
        markUnusable()
    }

    func session(_ session: HTTP2Session, outboundDrained streamID: Int32) {
        streams[streamID]?.outboundDrained()
    }

    // MARK: - Internals

    private func markUnusable() {
        guard isUsable else { return }
        isUsable = false
        onUnusable()
    }

    private func lose(_ status: Status) {
        markUnusable()
        let open = streams
        streams.removeAll()
        for stream in open.values { stream.connectionLost(status) }
    }

    private func scheduleFlush() {
        if reading || flushScheduled { return }
        flushScheduled = true
        context?.eventLoop.execute { [self] in
            flushScheduled = false
            flushOutput()
        }
    }

    private func flushOutput() {
        guard let context, let session, context.channel.isActive else { return }
        var buffer = context.channel.allocator.buffer(capacity: 1024)
        if session.produceOutput(into: &buffer) {
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        }
        if (!session.wantsRead && !session.wantsWrite) || (!isUsable && streams.isEmpty) {
            context.close(promise: nil)
        }
    }
}
