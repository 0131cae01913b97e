internal import NIOCore
internal import TiltsHTTP2
internal import TiltsRPC
internal import TiltsTLS
internal import Logging

/// Serves gRPC on one accepted connection: feeds nghttp2, starts a handler task per stream, and
/// writes what the session produces.
///
/// Threading: a channel handler, so every method runs on the channel's event loop; the
/// ``ServerStream``s it creates share that loop. Handler tasks run on the loop's
/// ``EventLoopTaskExecutor`` when `config.runHandlersOnEventLoop` is set, else on the global pool.
///
/// Ownership: owns the ``HTTP2Session`` and the open streams; the pipeline owns the handler.
/// Graceful shutdown starts with `ChannelShouldQuiesceEvent`: GOAWAY, let open calls finish, close.
final class ServerConnectionHandler: ChannelInboundHandler, HTTP2SessionDelegate {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let config: GRPCServer.Config
    let router: RPCRouter
    let logger: Logger
    let eventLoop: any EventLoop
    let allocator = ByteBufferAllocator()
    private let executor: EventLoopTaskExecutor?
    private let driver = HTTP2SessionDriver()
    private var session: HTTP2Session? { driver.session }
    private var context: ChannelHandlerContext?
    private var streams: [Int32: ServerStream] = [:]
    private var peer: PeerIdentity
    private var state = ServerConnectionStateMachine()
    private var keepaliveTask: RepeatedTask?
    private var lastActivity = NIODeadline.now()
    private var pingOutstandingSince: NIODeadline?

    init(config: GRPCServer.Config, router: RPCRouter, peer: PeerIdentity, eventLoop: any EventLoop, logger: Logger) {
        self.config = config
        self.router = router
        self.peer = peer
        self.eventLoop = eventLoop
        self.logger = logger
        self.executor = config.runHandlersOnEventLoop ? EventLoopTaskExecutor(eventLoop: eventLoop) : nil
    }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        do {
            driver.attach(session: try HTTP2Session(role: .server, settings: config.http2, delegate: self), context: context)
        } catch {
            logger.error("could not create an HTTP/2 session", metadata: ["error": "\(error)"])
            context.close(promise: nil)
            return
        }
        driver.shouldClose = { [unowned self] in state.shouldClose(openStreams: streams.count) }
        if context.channel.isActive { driver.flush() }
        startKeepalive(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        keepaliveTask?.cancel()
        endAllStreams(RPCError(code: .unavailable, message: "the connection closed"))
        driver.detach()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        driver.flush()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        keepaliveTask?.cancel()
        endAllStreams(RPCError(code: .unavailable, message: "the connection closed"))
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastActivity = .now()
        pingOutstandingSince = nil
        if let error = driver.receive(unwrapInboundIn(data)) {
            logger.debug("closed a connection after an HTTP/2 error", metadata: ["error": "\(error)"])
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        driver.readComplete()
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let handshake = event as? TLSHandshakeCompleted {
            peer.certificateSubject = handshake.peerSubject
            peer.certificateCommonName = handshake.peerCommonName
        } else if event is ChannelShouldQuiesceEvent {
            beginGracefulShutdown()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    // MARK: - HTTP/2 session events

    func session(_ session: HTTP2Session, didReceiveHeaders headers: [HTTP2Header], streamID: Int32, kind: HTTP2HeadersKind, endStream: Bool) {
        switch kind {
        case .request:
            openStream(streamID: streamID, headers: headers, endStream: endStream)
        case .response, .trailers:
            if endStream { self.session(session, didReceiveEndStream: streamID) }
        }
    }

    func session(_ session: HTTP2Session, didReceiveData bytes: UnsafeRawBufferPointer, streamID: Int32) {
        if let stream = streams[streamID] {
            stream.receivedData(bytes)
        } else {
            session.consume(streamID: streamID, count: bytes.count)
        }
    }

    func session(_ session: HTTP2Session, didReceiveEndStream streamID: Int32) {
        guard let stream = streams[streamID] else { return }
        stream.receivedEnd()
        if stream.kind.hasSingleRequest && stream.task == nil {
            start(stream)
        }
    }

    func session(_ session: HTTP2Session, streamClosed streamID: Int32, errorCode: UInt32) {
        guard let stream = streams.removeValue(forKey: streamID) else { return }
        stream.closed(errorCode: errorCode)
        // This may run inside produceOutput; closing here would drop the frames being produced,
        // so the drained check happens after the next flush.
        driver.scheduleFlush()
    }

    func session(_ session: HTTP2Session, outboundDrained streamID: Int32) {
        streams[streamID]?.outboundDrained()
    }

    // MARK: - Used by ServerStream (on the loop)

    func submitResponse(streamID: Int32, headers: [HTTP2Header], endStream: Bool) {
        do {
            try session?.submitResponse(streamID: streamID, headers: headers, endStream: endStream)
        } catch {
            logger.debug("could not submit a response", metadata: ["stream": "\(streamID)", "error": "\(error)"])
        }
        driver.scheduleFlush()
    }

    func send(_ buffer: ByteBuffer, streamID: Int32) { driver.send(buffer, streamID: streamID) }
    func finish(streamID: Int32, trailers: [HTTP2Header]) { driver.finish(streamID: streamID, trailers: trailers) }
    func bufferedBytes(streamID: Int32) -> Int { driver.bufferedBytes(streamID: streamID) }
    func consume(streamID: Int32, count: Int) { driver.consume(streamID: streamID, count: count) }

    func callEnded(_ stream: ServerStream, code: StatusCode) {
        guard let onCallEnded = config.onCallEnded else { return }
        let nanoseconds = NIODeadline.now().uptimeNanoseconds &- stream.startedAt.uptimeNanoseconds
        onCallEnded(GRPCServer.CallSummary(
            path: stream.context.descriptor.path, isRouted: true, code: code,
            duration: .nanoseconds(Int64(truncatingIfNeeded: nanoseconds)), metadata: stream.context.metadata))
    }

    // MARK: - Streams

    private func openStream(streamID: Int32, headers: [HTTP2Header], endStream: Bool) {
        guard let session else { return }
        switch ServerRequestValidator.validate(headers, router: router) {
        case .reject(let httpStatus):
            try? session.submitResponse(streamID: streamID, headers: [HTTP2Header(":status", httpStatus)], endStream: true)
            driver.scheduleFlush()
        case .fail(let status):
            try? session.submitResponse(
                streamID: streamID, headers: GRPCHeaders.trailersOnly(status: status, metadata: Metadata()), endStream: true)
            if let onCallEnded = config.onCallEnded {
                let path = headers.first(":path") ?? ""
                onCallEnded(GRPCServer.CallSummary(
                    path: path, isRouted: router.method(forPath: path) != nil, code: status.code, duration: .zero,
                    metadata: Metadata()))
            }
            driver.scheduleFlush()
        case .accept(let method, let metadata, let timeout):
            let context = ServerContext(
                descriptor: method.descriptor, metadata: metadata,
                deadline: timeout.map { ContinuousClock.now.advanced(by: $0) }, peer: peer)
            let stream = ServerStream(
                context: context, streamID: streamID, kind: method.kind, connection: self,
                maxReceiveMessageSize: config.maxReceiveMessageSize, maxSendMessageSize: config.maxSendMessageSize)
            streams[streamID] = stream
            if let timeout { stream.armDeadline(timeout) }
            if endStream { stream.receivedEnd() }
            if !method.kind.hasSingleRequest || endStream {
                start(stream)
            }
        }
    }

    private func start(_ stream: ServerStream) {
        guard let method = router.method(forPath: stream.context.descriptor.path) else { return }
        stream.task = Task(executorPreference: executor) {
            await method.run(stream)
        }
    }

    private func endAllStreams(_ error: RPCError) {
        let open = streams
        streams.removeAll()
        for stream in open.values {
            stream.end(with: error, sendStatus: false)
        }
    }

    // MARK: - Shutdown and keepalive

    private func beginGracefulShutdown() {
        guard state.beginShutdown() else { return }
        session?.submitShutdownNotice()
        driver.flush()
        // One round trip later, name the last stream we accept; streams the peer opened in
        // between are still served.
        eventLoop.scheduleTask(in: .milliseconds(100)) { [self] in
            session?.submitGoAway()
            state.goAwaySent()
            driver.flush()
        }
    }

    private func startKeepalive(context: ChannelHandlerContext) {
        let interval = config.keepaliveInterval
        let timeout = config.keepaliveTimeout
        keepaliveTask = eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { [self] _ in
            let now = NIODeadline.now()
            if let since = pingOutstandingSince, now - since > timeout {
                logger.debug("closing a connection whose peer stopped answering PING")
                self.context?.close(promise: nil)
            } else if now - lastActivity >= interval, pingOutstandingSince == nil {
                pingOutstandingSince = now
                session?.submitPing()
                driver.flush()
            }
        }
    }
}
