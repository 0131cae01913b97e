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
    private let driver = HTTP2SessionDriver()
    private var session: HTTP2Session? { driver.session }
    private var context: ChannelHandlerContext?
    private var streams: [Int32: ClientStream] = [:]
    /// Set once GOAWAY arrives or the channel closes: new calls need a new connection.
    private(set) var isUsable = true

    init(settings: HTTP2Settings, onUnusable: @escaping @Sendable () -> Void) {
        self.settings = settings
        self.onUnusable = onUnusable
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        guard let session = try? HTTP2Session(role: .client, settings: settings, delegate: self) else {
            context.close(promise: nil)
            return
        }
        driver.attach(session: session, context: context)
        driver.shouldClose = { [unowned self] in !isUsable && streams.isEmpty }
        if context.channel.isActive { driver.flush() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        lose(Status(code: .unavailable, message: "the connection to the server closed"))
        driver.detach()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        driver.flush()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        lose(Status(code: .unavailable, message: "the connection to the server closed"))
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        driver.receive(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        driver.readComplete()
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
        driver.scheduleFlush()
    }

    func send(_ buffer: ByteBuffer, streamID: Int32) { driver.send(buffer, streamID: streamID) }
    func finish(streamID: Int32) { driver.finish(streamID: streamID, trailers: nil) }
    func bufferedBytes(streamID: Int32) -> Int { driver.bufferedBytes(streamID: streamID) }
    func consume(streamID: Int32, count: Int) { driver.consume(streamID: streamID, count: count) }
    func reset(streamID: Int32, errorCode: UInt32) { driver.reset(streamID: streamID, errorCode: errorCode) }

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
        driver.scheduleFlush()
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
}
