internal import NIOCore
internal import TiltsHTTP2
internal import TiltsRPC
internal import Synchronization

/// One client call on a connection: the ``ClientCallTransport`` the stub layer drives.
///
/// Threading: stored properties are confined to `eventLoop`, the connection's loop; public methods
/// may be called from any thread and hop there (hence `@unchecked Sendable`). Called on the loop
/// itself, they answer inline when they can, without suspending.
/// Ownership: the connection handler holds the stream while its HTTP/2 stream is open; the caller
/// holds it for the life of the call.
///
/// Receiving in batches: a reader off the loop would pay one hop (an eventfd write and two context
/// switches) per message. So whenever the reader is served on the loop it takes every message
/// that is ready, up to ``receiveBatchCount`` messages or ``receiveBatchBytes`` bytes, into
/// `readerBatch`, and the following `receive()` calls return from there without hopping. The
/// flow-control credit of a batch is released when it is taken, so what a stream can hold is
/// still bounded: the queue's high watermark plus one batch. The batch is always drained before
/// the loop is asked again, so order holds; a local end (cancel, deadline, lost connection)
/// empties it, as it drops the queue.
final class ClientStream: ClientCallTransport, @unchecked Sendable {
    let eventLoop: any EventLoop
    private var connection: ClientConnectionHandler?
    private(set) var streamID: Int32 = 0
    private var state: ClientStreamStateMachine
    private var headersWaiters: [CheckedContinuation<Metadata, Never>] = []
    private var statusWaiters: [CheckedContinuation<(Status, Metadata), Never>] = []
    private var reader: CheckedContinuation<[UInt8]?, any Error>?
    private var writer: CheckedContinuation<Void, any Error>?
    private var deadlineTimer: Scheduled<Void>?
    private let maxSendMessageSize: Int
    /// Messages already taken off the loop for the reader, oldest first (see the type's notes).
    /// Behind a lock rather than confined to the loop, since the reader runs anywhere.
    private let readerBatch = Mutex(ReaderBatch())

    static let outboundHighWatermark = 1 << 20
    /// Most messages, and bytes, handed to the reader in one batch.
    static let receiveBatchCount = 1024
    static let receiveBatchBytes = 256 << 10

    init(eventLoop: any EventLoop, maxReceiveMessageSize: Int, maxSendMessageSize: Int) {
        self.eventLoop = eventLoop
        self.state = ClientStreamStateMachine(maxMessageSize: maxReceiveMessageSize)
        self.maxSendMessageSize = maxSendMessageSize
    }

    // MARK: - Set-up and events from the connection (on the loop)

    func attach(to connection: ClientConnectionHandler, streamID: Int32, deadline: ContinuousClock.Instant?) {
        self.connection = connection
        self.streamID = streamID
        if let deadline {
            let remaining = ContinuousClock.now.duration(to: deadline)
            let nanos = max(0, remaining.components.seconds * 1_000_000_000 + remaining.components.attoseconds / 1_000_000_000)
            deadlineTimer = eventLoop.scheduleTask(in: .nanoseconds(nanos)) { [self] in
                abort(Status(code: .deadlineExceeded, message: "the deadline passed before the server answered"), reset: true)
            }
        }
    }

    func receivedHeaders(_ headers: [HTTP2Header], endStream: Bool) {
        state.receivedHeaders(headers, endStream: endStream)
        wake()
    }

    func receivedData(_ bytes: UnsafeRawBufferPointer) {
        switch state.receivedData(bytes) {
        case .consume(let count):
            connection?.consume(streamID: streamID, count: count)
        case .hold:
            break
        case .fail:
            connection?.reset(streamID: streamID, errorCode: HTTP2ErrorCode.cancel)
        }
        wake()
    }

    func receivedEnd() {
        state.receivedEndWithoutTrailers()
        wake()
    }

    func closed(errorCode: UInt32) {
        state.closed(errorCode: errorCode)
        connection = nil
        wake()
    }

    func connectionLost(_ status: Status) {
        state.fail(status)
        connection = nil
        wake()
    }

    func outboundDrained() {
        if let writer {
            self.writer = nil
            writer.resume()
        }
    }

    // MARK: - ClientCallTransport

    func send(_ message: [UInt8]) async throws {
        if message.count > maxSendMessageSize {
            throw RPCError(
                code: .resourceExhausted,
                message: "request of \(message.count) bytes exceeds the limit of \(maxSendMessageSize) bytes")
        }
        // On the loop (a caller pinned to it): queue at once, suspend only to wait for room.
        if eventLoop.inEventLoop {
            if try enqueue(message) { return }
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                onLoop {
                    if let (status, metadata) = self.state.status {
                        continuation.resume(throwing: RPCError(status: status, metadata: metadata))
                    } else if (self.connection?.bufferedBytes(streamID: self.streamID) ?? 0) <= Self.outboundHighWatermark {
                        continuation.resume()
                    } else {
                        self.writer = continuation
                    }
                }
            }
            return
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            onLoop {
                do {
                    if try self.enqueue(message) {
                        continuation.resume()
                    } else {
                        self.writer = continuation
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Queues a framed message (on the loop); false when the caller must wait for the peer to read.
    private func enqueue(_ message: [UInt8]) throws -> Bool {
        if let (status, metadata) = state.status {
            throw RPCError(status: status, metadata: metadata)
        }
        guard let connection else {
            throw RPCError(code: .unavailable, message: "the connection closed")
        }
        var buffer = connection.allocator.buffer(capacity: message.count + 5)
        let prefix = MessageFramer.prefix(length: message.count)
        buffer.writeMultipleIntegers(prefix.0, prefix.1, prefix.2, prefix.3, prefix.4)
        buffer.writeBytes(message)
        connection.send(buffer, streamID: streamID)
        return connection.bufferedBytes(streamID: streamID) <= Self.outboundHighWatermark
    }

    func closeSend() {
        onLoop { self.connection?.finish(streamID: self.streamID) }
    }

    func initialMetadata() async throws -> Metadata {
        if eventLoop.inEventLoop, let metadata = state.initialMetadata { return metadata }
        return await withCheckedContinuation { continuation in
            onLoop {
                if let metadata = self.state.initialMetadata {
                    continuation.resume(returning: metadata)
                } else {
                    self.headersWaiters.append(continuation)
                }
            }
        }
    }

    func receive() async throws -> [UInt8]? {
        if let message = readerBatch.withLock({ $0.next() }) { return message }
        if eventLoop.inEventLoop, let ready = pollBatch() { return ready.message }
        return try await withCheckedThrowingContinuation { continuation in
            onLoop {
                if let ready = self.pollBatch() {
                    continuation.resume(returning: ready.message)
                } else {
                    self.reader = continuation
                }
            }
        }
    }

    func status() async -> (Status, Metadata) {
        if eventLoop.inEventLoop, let status = state.status { return status }
        return await withCheckedContinuation { continuation in
            onLoop {
                if let status = self.state.status {
                    continuation.resume(returning: status)
                } else {
                    self.statusWaiters.append(continuation)
                }
            }
        }
    }

    func cancel() {
        onLoop {
            self.abort(Status(code: .cancelled, message: "the call was cancelled by the client"), reset: true)
        }
    }

    // MARK: - Internals (on the loop)

    private struct Ready { var message: [UInt8]? }

    /// The reader's side of a batch: a consumed prefix and the rest.
    struct ReaderBatch {
        private var messages: [[UInt8]] = []
        private var head = 0

        var isEmpty: Bool { head == messages.count }

        mutating func next() -> [UInt8]? {
            guard head < messages.count else { return nil }
            let message = messages[head]
            messages[head] = []
            head += 1
            if head == messages.count { clear() }
            return message
        }

        mutating func fill(_ batch: [[UInt8]]) {
            messages = batch
            head = 0
        }

        mutating func clear() {
            messages.removeAll()
            head = 0
        }
    }

    /// A message or the end when one is ready, nil when the reader must wait. Takes every message
    /// ready (within the batch limits): the first is returned, the rest go to `readerBatch`, which
    /// must be empty (the single reader drains it before asking the loop). Credit is released once.
    private func pollBatch() -> Ready? {
        var release = 0
        let first: [UInt8]
        switch state.next() {
        case .message(let message, let released):
            first = message
            release += released
        case .end:
            return Ready(message: nil)
        case .wait:
            return nil
        }
        var rest: [[UInt8]] = []
        var bytes = first.count
        while rest.count + 1 < Self.receiveBatchCount && bytes < Self.receiveBatchBytes,
            case .message(let message, let released) = state.next()
        {
            rest.append(message)
            bytes += message.count
            release += released
        }
        if release > 0 { connection?.consume(streamID: streamID, count: release) }
        if !rest.isEmpty {
            readerBatch.withLock { $0.fill(rest) }
        }
        return Ready(message: first)
    }

    private func abort(_ status: Status, reset: Bool) {
        guard state.fail(status) else { return }
        if reset { connection?.reset(streamID: streamID, errorCode: HTTP2ErrorCode.cancel) }
        wake()
    }

    /// Resumes every waiter whose answer is now known.
    private func wake() {
        // A local end drops what the reader has not taken yet, as the state machine drops its queue.
        if state.aborted { readerBatch.withLock { $0.clear() } }
        if let metadata = state.initialMetadata, !headersWaiters.isEmpty {
            let waiters = headersWaiters
            headersWaiters.removeAll()
            for waiter in waiters { waiter.resume(returning: metadata) }
        }
        if let reader, let ready = pollBatch() {
            self.reader = nil
            reader.resume(returning: ready.message)
        }
        if let status = state.status {
            deadlineTimer?.cancel()
            deadlineTimer = nil
            if let writer {
                self.writer = nil
                writer.resume(throwing: RPCError(status: status.0, metadata: status.1))
            }
            if !statusWaiters.isEmpty {
                let waiters = statusWaiters
                statusWaiters.removeAll()
                for waiter in waiters { waiter.resume(returning: status) }
            }
        }
    }

    private func onLoop(_ body: @escaping () -> Void) {
        if eventLoop.inEventLoop {
            body()
        } else {
            eventLoop.execute(body)
        }
    }
}
