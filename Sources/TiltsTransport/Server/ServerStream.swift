internal import NIOCore
internal import TiltsHTTP2
internal import TiltsRPC

/// One gRPC call on a server connection: the ``ServerCallTransport`` its handler task uses.
///
/// Threading: every stored property is confined to `eventLoop`, the loop of the owning
/// ``ServerConnectionHandler``. The public methods may be called from any thread; they run inline
/// when already on the loop (the usual case, since handler tasks prefer the loop's executor) and hop
/// to it otherwise. That confinement is why the `@unchecked Sendable` is sound.
///
/// Ownership: the connection handler owns the stream while the HTTP/2 stream is open; the handler
/// task holds it until it finishes. `connection` is cut when the stream closes, so no cycle outlives it.
final class ServerStream: ServerCallTransport, @unchecked Sendable {
    let context: ServerContext
    let streamID: Int32
    let eventLoop: any EventLoop
    let kind: RPCKind
    /// When the request headers arrived; ``GRPCServer/CallSummary/duration`` is measured from here.
    let startedAt = NIODeadline.now()
    private var connection: ServerConnectionHandler?
    private let maxSendMessageSize: Int

    private var state = ServerStreamStateMachine()
    private var initialMetadata = Metadata()
    private var trailingMetadata = Metadata()
    private var reader: CheckedContinuation<[UInt8]?, any Error>?
    private var writer: CheckedContinuation<Void, any Error>?
    private var deadlineTimer: Scheduled<Void>?
    var task: Task<Void, Never>?

    /// Bytes queued for sending above which `send` waits for the peer to read.
    static let outboundHighWatermark = 1 << 20

    init(
        context: ServerContext, streamID: Int32, kind: RPCKind, connection: ServerConnectionHandler,
        maxReceiveMessageSize: Int, maxSendMessageSize: Int
    ) {
        self.context = context
        self.streamID = streamID
        self.kind = kind
        self.connection = connection
        self.eventLoop = connection.eventLoop
        self.maxSendMessageSize = maxSendMessageSize
        self.state = ServerStreamStateMachine(maxMessageSize: maxReceiveMessageSize)
    }

    // MARK: - Events from the connection (on the loop)

    /// Arms the deadline timer, if the client sent `grpc-timeout`.
    func armDeadline(_ timeout: Duration) {
        let nanos = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        deadlineTimer = eventLoop.scheduleTask(in: .nanoseconds(nanos)) { [self] in
            end(with: RPCError(code: .deadlineExceeded, message: "the call's deadline passed before it finished"), sendStatus: true)
        }
    }

    func receivedData(_ bytes: UnsafeRawBufferPointer) {
        switch state.receivedData(bytes) {
        case .consume(let count):
            connection?.consume(streamID: streamID, count: count)
            deliverToReader()
        case .hold:
            deliverToReader()
        case .fail(let error):
            end(with: error, sendStatus: true)
        }
    }

    func receivedEnd() {
        if let error = state.receivedEnd() {
            end(with: error, sendStatus: true)
        } else {
            deliverToReader()
        }
    }

    /// The HTTP/2 stream closed; a close before our status means the client gave up.
    func closed(errorCode: UInt32) {
        connection = nil
        end(with: RPCError(code: .cancelled, message: "the client cancelled the call"), sendStatus: false)
    }

    func outboundDrained() {
        if let writer {
            self.writer = nil
            writer.resume()
        }
    }

    /// Ends the call early: cancels the handler and fails anything it waits on.
    func end(with error: RPCError, sendStatus: Bool) {
        guard state.end(with: error) else { return }
        deadlineTimer?.cancel()
        deadlineTimer = nil
        if sendStatus {
            emitStatus(error.status)
        }
        task?.cancel()
        if let reader {
            self.reader = nil
            reader.resume(throwing: error)
        }
        if let writer {
            self.writer = nil
            writer.resume(throwing: error)
        }
    }

    // MARK: - ServerCallTransport

    func receive() async throws -> [UInt8]? {
        if eventLoop.inEventLoop, let ready = try pollInbound() {
            return ready.message
        }
        return try await withCheckedThrowingContinuation { continuation in
            onLoop {
                do {
                    if let ready = try self.pollInbound() {
                        continuation.resume(returning: ready.message)
                    } else {
                        self.reader = continuation
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    func setInitialMetadata(_ metadata: Metadata) {
        onLoop { self.initialMetadata = metadata }
    }

    func addTrailingMetadata(_ metadata: Metadata) {
        onLoop { self.trailingMetadata.add(contentsOf: metadata) }
    }

    func send(_ message: [UInt8]) async throws {
        if message.count > maxSendMessageSize {
            throw RPCError(
                code: .resourceExhausted,
                message: "response of \(message.count) bytes exceeds the limit of \(maxSendMessageSize) bytes")
        }
        if eventLoop.inEventLoop {
            if try enqueue(message) { return }
        } else {
            let mustWait = try await eventLoop.submit { try self.enqueue(message) }.get() == false
            if !mustWait { return }
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            onLoop {
                if let error = self.state.terminalError {
                    continuation.resume(throwing: error)
                } else if (self.connection?.bufferedBytes(streamID: self.streamID) ?? 0) <= Self.outboundHighWatermark {
                    continuation.resume()
                } else {
                    self.writer = continuation
                }
            }
        }
    }

    func finish(status: Status) {
        onLoop {
            guard self.state.finish() else { return }
            self.deadlineTimer?.cancel()
            self.deadlineTimer = nil
            self.emitStatus(status)
        }
    }

    // MARK: - Internals (on the loop)

    private struct Ready { var message: [UInt8]? }

    /// A message or the end of input when one is ready; nil when the reader must wait.
    private func pollInbound() throws -> Ready? {
        switch state.nextMessage() {
        case .message(let message, let release):
            if release > 0 { connection?.consume(streamID: streamID, count: release) }
            return Ready(message: message)
        case .end:
            return Ready(message: nil)
        case .wait:
            return nil
        case .fail(let error):
            throw error
        }
    }

    private func deliverToReader() {
        guard let reader else { return }
        do {
            if let ready = try pollInbound() {
                self.reader = nil
                reader.resume(returning: ready.message)
            }
        } catch {
            self.reader = nil
            reader.resume(throwing: error)
        }
    }

    /// Queues a framed message; returns false when the caller must wait for the peer to read.
    private func enqueue(_ message: [UInt8]) throws -> Bool {
        if let error = state.terminalError { throw error }
        guard let connection else { throw RPCError(code: .cancelled, message: "the client cancelled the call") }
        sendHeadersIfNeeded(connection)
        var buffer = connection.allocator.buffer(capacity: message.count + 5)
        let prefix = MessageFramer.prefix(length: message.count)
        buffer.writeMultipleIntegers(prefix.0, prefix.1, prefix.2, prefix.3, prefix.4)
        buffer.writeBytes(message)
        connection.send(buffer, streamID: streamID)
        return connection.bufferedBytes(streamID: streamID) <= Self.outboundHighWatermark
    }

    private func sendHeadersIfNeeded(_ connection: ServerConnectionHandler) {
        guard state.markHeadersSent() else { return }
        connection.submitResponse(
            streamID: streamID, headers: GRPCHeaders.responseHeaders(metadata: initialMetadata), endStream: false)
    }

    private func emitStatus(_ status: Status) {
        guard let connection else { return }
        if state.headersSent {
            connection.finish(streamID: streamID, trailers: GRPCHeaders.trailers(status: status, metadata: trailingMetadata))
        } else {
            _ = state.markHeadersSent()
            var metadata = initialMetadata
            metadata.add(contentsOf: trailingMetadata)
            connection.submitResponse(
                streamID: streamID, headers: GRPCHeaders.trailersOnly(status: status, metadata: metadata), endStream: true)
        }
        connection.callEnded(self, code: status.code)
    }

    private func onLoop(_ body: @escaping () -> Void) {
        if eventLoop.inEventLoop {
            body()
        } else {
            eventLoop.execute(body)
        }
    }
}
