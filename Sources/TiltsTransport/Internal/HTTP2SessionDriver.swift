internal import NIOCore
internal import TiltsHTTP2

/// Moves bytes between a channel and an ``HTTP2Session``, for both connection handlers.
///
/// Reads go straight into the session. Writes are batched: whatever the session produces while a
/// read is being processed goes out in one write at read-complete; output produced outside a read
/// (a handler task answering) is flushed once per event-loop tick. The owner decides, through
/// `shouldClose`, when an idle connection is done (e.g. drained after GOAWAY).
///
/// Threading: confined to the channel's event loop. Ownership: owned by one channel handler; holds
/// the session and the handler's context between `attach` and `detach`.
final class HTTP2SessionDriver {
    private(set) var session: HTTP2Session?
    private var context: ChannelHandlerContext?
    private var reading = false
    private var flushScheduled = false
    /// Asked after every flush; true closes the channel.
    var shouldClose: () -> Bool = { false }

    func attach(session: HTTP2Session, context: ChannelHandlerContext) {
        self.session = session
        self.context = context
    }

    func detach() {
        session = nil
        context = nil
    }

    /// Feeds bytes read from the peer; on a protocol error flushes the GOAWAY nghttp2 queued and
    /// closes the channel.
    /// - Returns: the error, when the session failed.
    @discardableResult
    func receive(_ buffer: ByteBuffer) -> (any Error)? {
        reading = true
        do {
            try session?.receive(buffer)
            return nil
        } catch {
            reading = false
            flush()
            context?.close(promise: nil)
            return error
        }
    }

    /// The read batch is over: write what it produced.
    func readComplete() {
        reading = false
        flush()
    }

    /// Makes sure output produced now is written soon, once, however many streams produce it.
    func scheduleFlush() {
        if reading || flushScheduled { return }
        guard let context else { return }
        flushScheduled = true
        context.eventLoop.execute { [self] in
            flushScheduled = false
            flush()
        }
    }

    /// Writes everything the session has to send, then closes the channel if the session is over
    /// or the owner says so.
    func flush() {
        guard let context, let session, context.channel.isActive else { return }
        var buffer = context.channel.allocator.buffer(capacity: 1024)
        if session.produceOutput(into: &buffer) {
            context.writeAndFlush(NIOAny(buffer), promise: nil)
        }
        if (!session.wantsRead && !session.wantsWrite) || shouldClose() {
            context.close(promise: nil)
        }
    }

    // MARK: - Stream operations used by the call objects

    func send(_ buffer: ByteBuffer, streamID: Int32) {
        session?.send(buffer, streamID: streamID)
        scheduleFlush()
    }

    func finish(streamID: Int32, trailers: [HTTP2Header]?) {
        session?.finish(streamID: streamID, trailers: trailers)
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
}
