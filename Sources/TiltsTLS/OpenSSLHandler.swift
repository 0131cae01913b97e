public import NIOCore

/// A SwiftNIO channel handler that runs TLS with the system OpenSSL over memory BIOs.
///
/// Put it first in the pipeline (closest to the socket). Ciphertext read from the channel is fed
/// to OpenSSL; the decrypted bytes travel on as `ByteBuffer`s, and plaintext written by later
/// handlers is encrypted before it reaches the socket.
///
/// ```swift
/// let context = try TLSContext(serverConfiguration: .server(
///     certificateChainPath: "server.pem", privateKeyPath: "server.key"))
/// ServerBootstrap(group: group).childChannelInitializer { channel in
///     channel.eventLoop.makeCompletedFuture {
///         try channel.pipeline.syncOperations.addHandler(OpenSSLHandler.server(context: context))
///         try channel.pipeline.syncOperations.addHandler(MyHTTP2Handler())
///     }
/// }
/// ```
///
/// Lifecycle:
/// - The handshake starts when the channel becomes active (or when the handler is added to an
///   active channel). On success the handler fires a ``TLSHandshakeCompleted`` inbound user
///   event, before any application data, and keeps it in ``handshakeResult``.
/// - Writes made before the handshake finishes are held and sent, in order, right after it
///   (once flushed). A write's promise succeeds when its ciphertext was written to the socket,
///   and fails if the connection fails or closes first.
/// - On any TLS failure (including bytes that are not TLS) the handler sends OpenSSL's alert,
///   fires a ``TLSError`` with `fireErrorCaught` and closes the channel.
/// - `close` sends `close_notify`, waits for it to be written, then closes the channel. A
///   `close_notify` from the peer is answered the same way.
/// - A peer that closes the TCP connection after the handshake without `close_notify` is not
///   reported as an error (HTTP/2 frames are self-delimiting); before the handshake it is
///   (``TLSError/Code/closedDuringHandshake``).
///
/// Ownership: the handler owns its OpenSSL `SSL` object and frees it exactly once, in
/// `handlerRemoved` (or `deinit` if it never joined a pipeline). It holds its ``TLSContext``.
///
/// Threads: an instance belongs to one channel and runs only on that channel's event loop.
/// Create a new handler for every connection; the ``TLSContext`` is what is shared.
public final class OpenSSLHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// What was negotiated, once the handshake has completed; `nil` before.
    public private(set) var handshakeResult: TLSHandshakeCompleted?

    private let tlsContext: TLSContext
    private let role: OpenSSLConnection.Role
    /// Created in `handlerAdded`, freed in `handlerRemoved`.
    private var connection: OpenSSLConnection?
    private var stateMachine = StateMachine()
    /// Reused between reads for decrypted data while nobody else holds on to it.
    private var plaintextBuffer: ByteBuffer?
    private static let maximumRetainedPlaintextCapacity = 64 * 1024

    private init(context: TLSContext, role: OpenSSLConnection.Role) {
        self.tlsContext = context
        self.role = role
    }

    /// A handler for an accepted connection.
    ///
    /// - Parameter context: a context made with ``TLSContext/init(serverConfiguration:)``.
    public static func server(context: TLSContext) -> OpenSSLHandler {
        precondition(context.isServer, "OpenSSLHandler.server needs a TLSContext(serverConfiguration:)")
        return OpenSSLHandler(context: context, role: .server)
    }

    /// A handler for an outgoing connection.
    ///
    /// - Parameters:
    ///   - context: a context made with ``TLSContext/init(clientConfiguration:)``.
    ///   - serverHostname: the name the server certificate must match, also sent as SNI.
    ///     ``TLSConfiguration/serverHostnameOverride`` takes precedence. With neither, only the
    ///     certificate chain is verified. IP addresses are matched against IP SANs and not sent as SNI.
    public static func client(context: TLSContext, serverHostname: String?) -> OpenSSLHandler {
        precondition(!context.isServer, "OpenSSLHandler.client needs a TLSContext(clientConfiguration:)")
        let name = context.configuration.serverHostnameOverride ?? serverHostname
        return OpenSSLHandler(context: context, role: .client(serverName: name))
    }

    // MARK: - Handler lifecycle

    public func handlerAdded(context: ChannelHandlerContext) {
        do {
            self.connection = try OpenSSLConnection(context: self.tlsContext, role: self.role)
        } catch {
            self.fail(error, context: context)
            return
        }
        if context.channel.isActive {
            self.startHandshakeIfNeeded(context: context)
        }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        self.failWrites(self.stateMachine.handlerRemoved(), with: ChannelError.ioOnClosedChannel)
        self.connection?.free()
        self.connection = nil
        self.plaintextBuffer = nil
    }

    public func channelActive(context: ChannelHandlerContext) {
        self.startHandshakeIfNeeded(context: context)
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        switch self.stateMachine.channelInactive() {
        case .fireErrorAndFailWrites(let error, let writes):
            self.failWrites(writes, with: error)
            context.fireErrorCaught(error)
        case .failWrites(let writes):
            self.failWrites(writes, with: ChannelError.ioOnClosedChannel)
        case .none:
            break
        }
        context.fireChannelInactive()
    }

    private func startHandshakeIfNeeded(context: ChannelHandlerContext) {
        switch self.stateMachine.channelActive() {
        case .startHandshake:
            self.runHandshake(context: context)
            self.readIfHandshakingWithoutAutoRead(context: context)
        case .none:
            break
        }
    }

    // MARK: - Inbound

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let connection = self.connection else { return }
        let ciphertext = self.unwrapInboundIn(data)
        switch self.stateMachine.channelRead() {
        case .continueHandshake:
            connection.feed(ciphertext)
            self.runHandshake(context: context)
        case .readPlaintext:
            connection.feed(ciphertext)
            self.readPlaintext(context: context)
        case .ignore:
            return
        }
        // Handshake messages, alerts or session tickets produced while reading.
        self.writeCiphertext(context: context, promise: nil, flush: true)
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        context.fireChannelReadComplete()
        self.readIfHandshakingWithoutAutoRead(context: context)
    }

    /// The handshake needs the peer's next flight even when the application reads on demand.
    private func readIfHandshakingWithoutAutoRead(context: ChannelHandlerContext) {
        if self.stateMachine.isHandshaking,
            let autoRead = try? context.channel.syncOptions?.getOption(ChannelOptions.autoRead), !autoRead
        {
            context.read()
        }
    }

    /// One handshake step; on completion sends the held writes, fires the event and decrypts
    /// any application data that arrived with the last handshake flight.
    private func runHandshake(context: ChannelHandlerContext) {
        guard let connection = self.connection else { return }
        switch connection.doHandshake() {
        case .needsMoreData:
            self.writeCiphertext(context: context, promise: nil, flush: true)
        case .failed(let error):
            self.fail(error, context: context)
        case .complete:
            let result = connection.handshakeDetails()
            self.handshakeResult = result
            switch self.stateMachine.handshakeCompleted() {
            case .writeAndFireEvent(let writes):
                self.encryptAndSend(writes, context: context)
            case .fireEvent:
                self.writeCiphertext(context: context, promise: nil, flush: true)
            case .none:
                return
            }
            context.fireUserInboundEventTriggered(result)
            self.readPlaintext(context: context)
        }
    }

    /// Decrypts everything available into one buffer and fires it as one `channelRead`.
    private func readPlaintext(context: ChannelHandlerContext) {
        guard self.stateMachine.isActive, let connection = self.connection else { return }
        var buffer = self.plaintextBuffer ?? context.channel.allocator.buffer(capacity: OpenSSLConnection.recordSize)
        self.plaintextBuffer = nil  // keep `buffer` uniquely referenced so `clear` reuses its storage
        buffer.clear()
        let outcome = connection.readPlaintext(into: &buffer)
        if buffer.readableBytes > 0 {
            context.fireChannelRead(self.wrapInboundOut(buffer))
        }
        // Keep a modest buffer for next time; let a big one go with the reader that holds it.
        self.plaintextBuffer = buffer.capacity <= Self.maximumRetainedPlaintextCapacity ? buffer : nil

        switch outcome {
        case .needsMoreData:
            break
        case .closeNotify:
            self.handleClose(self.stateMachine.closeNotifyReceived(), mode: .all, promise: nil, context: context)
        case .failed(let error):
            self.fail(error, context: context)
        }
    }

    // MARK: - Outbound

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch self.stateMachine.write(self.unwrapOutboundIn(data), promise: promise) {
        case .buffered:
            break
        case .fail(let error):
            promise?.fail(error)
        }
    }

    public func flush(context: ChannelHandlerContext) {
        switch self.stateMachine.flush() {
        case .encrypt(let writes):
            self.encryptAndSend(writes, context: context)
        case .none:
            break
        }
    }

    public func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode != .input else {
            context.close(mode: mode, promise: promise)
            return
        }
        self.handleClose(self.stateMachine.close(), mode: mode, promise: promise, context: context)
    }

    private func handleClose(
        _ action: StateMachine.OnClose,
        mode: CloseMode,
        promise: EventLoopPromise<Void>?,
        context: ChannelHandlerContext
    ) {
        switch action {
        case .closeImmediately(let writes):
            self.failWrites(writes, with: ChannelError.ioOnClosedChannel)
            context.close(mode: mode, promise: promise)
        case .sendCloseNotifyThenClose(let writes):
            self.failWrites(writes, with: ChannelError.ioOnClosedChannel)
            self.connection?.shutdown()
            guard let closeNotify = self.connection?.drainCiphertext(allocator: context.channel.allocator) else {
                context.close(mode: mode, promise: promise)
                return
            }
            let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(self.wrapOutboundOut(closeNotify)).whenComplete { _ in
                boundContext.value.close(mode: mode, promise: promise)
            }
        case .forward:
            context.close(mode: mode, promise: promise)
        }
    }

    /// Encrypts `writes` in order and writes the ciphertext as one buffer; its write promise
    /// completes the writes' promises.
    private func encryptAndSend(_ writes: CircularBuffer<PendingWrite>, context: ChannelHandlerContext) {
        guard let connection = self.connection else {
            self.failWrites(writes, with: ChannelError.ioOnClosedChannel)
            return
        }
        var combined: EventLoopPromise<Void>?
        var index = writes.startIndex
        var failure: TLSError?
        while index != writes.endIndex {
            let write = writes[index]
            switch connection.writePlaintext(write.data) {
            case .written:
                if let promise = write.promise {
                    if let combined {
                        combined.futureResult.cascade(to: promise)
                    } else {
                        combined = promise
                    }
                }
                index = writes.index(after: index)
                continue
            case .needsMoreData:
                let unsent = CircularBuffer(writes[index...])
                self.failWrites(self.stateMachine.requeue(unsent), with: ChannelError.ioOnClosedChannel)
            case .failed(let error):
                failure = error
                self.failWrites(CircularBuffer(writes[index...]), with: error)
            }
            break
        }
        self.writeCiphertext(context: context, promise: combined, flush: true)
        if let failure {
            self.fail(failure, context: context)
        }
    }

    /// Sends whatever OpenSSL has queued; completes `promise` at once if there is nothing.
    private func writeCiphertext(context: ChannelHandlerContext, promise: EventLoopPromise<Void>?, flush: Bool) {
        guard let ciphertext = self.connection?.drainCiphertext(allocator: context.channel.allocator) else {
            promise?.succeed(())
            return
        }
        context.write(self.wrapOutboundOut(ciphertext), promise: promise)
        if flush {
            context.flush()
        }
    }

    // MARK: - Failure

    /// Sends OpenSSL's alert if there is one, fails the held writes, fires the error, closes.
    private func fail(_ error: Error, context: ChannelHandlerContext) {
        let tlsError = error as? TLSError ?? TLSError(code: .internalError, message: "\(error)")
        switch self.stateMachine.errorOccurred(tlsError) {
        case .failAndClose(let error, let writes):
            self.writeCiphertext(context: context, promise: nil, flush: true)
            self.failWrites(writes, with: error)
            context.fireErrorCaught(error)
            context.close(promise: nil)
        case .ignore:
            break
        }
    }

    private func failWrites(_ writes: CircularBuffer<PendingWrite>, with error: Error) {
        for write in writes {
            write.promise?.fail(error)
        }
    }
}
