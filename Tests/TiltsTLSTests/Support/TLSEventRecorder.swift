internal import NIOCore
internal import TiltsTLS

/// Promises for what happens on one connection; the first occurrence of each wins.
final class ConnectionEvents: Sendable {
    let handshake: EventLoopPromise<TLSHandshakeCompleted>
    let error: EventLoopPromise<TLSError>
    let data: EventLoopPromise<ByteBuffer>
    let inactive: EventLoopPromise<Void>

    init(on eventLoop: any EventLoop) {
        self.handshake = eventLoop.makePromise()
        self.error = eventLoop.makePromise()
        self.data = eventLoop.makePromise()
        self.inactive = eventLoop.makePromise()
    }

    deinit {
        // NIO traps on promises dropped unfulfilled (debug builds); ones already completed ignore this.
        struct DidNotHappen: Error {}
        self.handshake.fail(DidNotHappen())
        self.error.fail(DidNotHappen())
        self.data.fail(DidNotHappen())
        self.inactive.fail(DidNotHappen())
    }
}

/// The application end of a test pipeline: records TLS events and echoes or collects data.
///
/// Runs on its channel's event loop.
final class TLSEventRecorder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Mode {
        /// Write every read back.
        case echo
        /// Write the first read back, then close the channel.
        case echoThenClose
        /// Gather reads until `expectedBytes` arrived (or the channel closed), then complete `events.data`.
        case collect(expectedBytes: Int)
    }

    private let mode: Mode
    private let events: ConnectionEvents
    private var received = ByteBuffer()

    init(mode: Mode, events: ConnectionEvents) {
        self.mode = mode
        self.events = events
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let handshake = event as? TLSHandshakeCompleted {
            self.events.handshake.succeed(handshake)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = self.unwrapInboundIn(data)
        switch self.mode {
        case .echo:
            context.write(self.wrapOutboundOut(buffer), promise: nil)
        case .echoThenClose:
            context.writeAndFlush(self.wrapOutboundOut(buffer), promise: nil)
            context.close(promise: nil)
        case .collect(let expectedBytes):
            self.received.writeBuffer(&buffer)
            if self.received.readableBytes >= expectedBytes {
                self.events.data.succeed(self.received)
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if case .echo = self.mode {
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let tlsError = error as? TLSError ?? TLSError(code: .internalError, message: "not a TLSError: \(error)")
        self.events.error.succeed(tlsError)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.events.inactive.succeed(())
        // The handshake will not come any more; collected data is all there is.
        self.events.handshake.fail(ChannelError.ioOnClosedChannel)
        if case .collect = self.mode {
            self.events.data.succeed(self.received)
        } else {
            self.events.data.fail(ChannelError.ioOnClosedChannel)
        }
        context.fireChannelInactive()
    }
}

struct TimeoutError: Error {}

extension EventLoopFuture where Value: Sendable {
    /// The future's value, or `TimeoutError` after `seconds`, so a broken test cannot hang.
    func value(timeout seconds: Int64 = 10) async throws -> Value {
        let promise = self.eventLoop.makePromise(of: Value.self)
        self.cascade(to: promise)
        let timeout = self.eventLoop.scheduleTask(in: .seconds(seconds)) {
            promise.fail(TimeoutError())
        }
        defer { timeout.cancel() }
        return try await promise.futureResult.get()
    }
}
