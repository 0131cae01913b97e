internal import NIOCore

extension OpenSSLHandler {
    /// A plaintext write waiting for the handshake or for a flush.
    struct PendingWrite {
        var data: ByteBuffer
        var promise: EventLoopPromise<Void>?
    }

    /// Plaintext writes in order; the first `flushedCount` have been flushed by the user.
    struct PendingWrites {
        var writes: CircularBuffer<PendingWrite> = CircularBuffer(initialCapacity: 4)
        var flushedCount = 0

        mutating func append(_ write: PendingWrite) {
            self.writes.append(write)
        }

        mutating func markFlushed() {
            self.flushedCount = self.writes.count
        }

        /// Removes and returns the flushed writes.
        mutating func takeFlushed() -> CircularBuffer<PendingWrite> {
            if self.flushedCount == self.writes.count {
                return self.takeAll()
            }
            var flushed = CircularBuffer<PendingWrite>(initialCapacity: self.flushedCount)
            for _ in 0..<self.flushedCount {
                flushed.append(self.writes.removeFirst())
            }
            self.flushedCount = 0
            return flushed
        }

        mutating func takeAll() -> CircularBuffer<PendingWrite> {
            let all = self.writes
            self.writes = CircularBuffer(initialCapacity: 4)
            self.flushedCount = 0
            return all
        }
    }

    /// The lifecycle of one TLS connection, without OpenSSL or a channel: each method takes an
    /// event and returns what the handler must do. Only the handler touches the channel context.
    ///
    /// Transitions:
    ///
    ///     idle ──channelActive──▶ handshaking ──handshakeCompleted──▶ active
    ///                                                                   │ close / close_notify received
    ///                                                                   ▼
    ///                                                                closing ──channelInactive──▶ closed
    ///
    ///     idle, handshaking ──close──▶ closed
    ///     idle, handshaking, active ──error──▶ failed (terminal)
    ///     any ──channelInactive──▶ closed (or failed if the handshake had not finished)
    ///
    /// Writes are held in `idle`, `handshaking` and `active` until they are both flushed and the
    /// handshake is done; in `closing`, `closed` and `failed` they fail at once.
    ///
    /// Threads: a value type owned by one handler on one event loop.
    struct StateMachine {
        enum State {
            /// Added to a pipeline whose channel is not active yet.
            case idle(PendingWrites)
            /// The handshake is running.
            case handshaking(PendingWrites)
            /// The handshake finished; writes wait only for the next flush.
            case active(PendingWrites)
            /// Our `close_notify` is on its way; the channel closes once it is written.
            case closing
            /// The channel closed without a TLS failure.
            case closed
            /// A TLS failure happened; the channel is closing or closed. Terminal.
            case failed(TLSError)
            /// Placeholder while a payload is mutated in place (avoids copy-on-write).
            case modifying
        }

        private(set) var state: State = .idle(PendingWrites())

        init() {}

        // MARK: Channel lifecycle

        enum OnChannelActive: Equatable {
            /// Run the first handshake step (a client sends its ClientHello).
            case startHandshake
            case none
        }

        mutating func channelActive() -> OnChannelActive {
            switch self.state {
            case .idle(let writes):
                self.state = .handshaking(writes)
                return .startHandshake
            case .handshaking, .active, .closing, .closed, .failed, .modifying:
                return .none
            }
        }

        enum OnChannelRead: Equatable {
            case continueHandshake
            case readPlaintext
            /// Drop the bytes: the connection is closing or failed.
            case ignore
        }

        mutating func channelRead() -> OnChannelRead {
            switch self.state {
            case .idle(let writes):
                // Data before channelActive: treat it as the start of the handshake.
                self.state = .handshaking(writes)
                return .continueHandshake
            case .handshaking:
                return .continueHandshake
            case .active:
                return .readPlaintext
            case .closing, .closed, .failed, .modifying:
                return .ignore
            }
        }

        enum OnHandshakeCompleted {
            /// Encrypt these writes (flushed before the handshake ended), then fire the event.
            case writeAndFireEvent(CircularBuffer<PendingWrite>)
            case fireEvent
            /// The state changed underneath (cannot happen in practice): do nothing.
            case none
        }

        mutating func handshakeCompleted() -> OnHandshakeCompleted {
            switch self.state {
            case .handshaking(var writes):
                self.state = .modifying
                let flushed = writes.takeFlushed()
                self.state = .active(writes)
                return flushed.isEmpty ? .fireEvent : .writeAndFireEvent(flushed)
            case .idle, .active, .closing, .closed, .failed, .modifying:
                return .none
            }
        }

        /// Whether decrypted data may be delivered.
        var isActive: Bool {
            if case .active = self.state { return true }
            return false
        }

        /// Whether the handshake has started and not yet finished or failed.
        var isHandshaking: Bool {
            if case .handshaking = self.state { return true }
            return false
        }

        enum OnChannelInactive {
            /// The handshake never finished: fire this error and fail the writes.
            case fireErrorAndFailWrites(TLSError, CircularBuffer<PendingWrite>)
            /// Fail the writes that were never sent.
            case failWrites(CircularBuffer<PendingWrite>)
            case none
        }

        mutating func channelInactive() -> OnChannelInactive {
            switch self.state {
            case .idle(var writes), .handshaking(var writes):
                let error = TLSError(code: .closedDuringHandshake, message: "the connection closed before the TLS handshake finished")
                self.state = .failed(error)
                return .fireErrorAndFailWrites(error, writes.takeAll())
            case .active(var writes):
                self.state = .closed
                return writes.writes.isEmpty ? .none : .failWrites(writes.takeAll())
            case .closing:
                self.state = .closed
                return .none
            case .closed, .failed, .modifying:
                return .none
            }
        }

        /// The handler leaves the pipeline: returns the writes to fail.
        mutating func handlerRemoved() -> CircularBuffer<PendingWrite> {
            switch self.state {
            case .idle(var writes), .handshaking(var writes), .active(var writes):
                self.state = .closed
                return writes.takeAll()
            case .closing, .closed, .failed, .modifying:
                return CircularBuffer()
            }
        }

        // MARK: Writes

        enum OnWrite {
            case buffered
            case fail(Error)
        }

        mutating func write(_ data: ByteBuffer, promise: EventLoopPromise<Void>?) -> OnWrite {
            let write = PendingWrite(data: data, promise: promise)
            switch self.state {
            case .idle(var writes):
                self.state = .modifying
                writes.append(write)
                self.state = .idle(writes)
            case .handshaking(var writes):
                self.state = .modifying
                writes.append(write)
                self.state = .handshaking(writes)
            case .active(var writes):
                self.state = .modifying
                writes.append(write)
                self.state = .active(writes)
            case .closing, .closed, .modifying:
                return .fail(ChannelError.ioOnClosedChannel)
            case .failed(let error):
                return .fail(error)
            }
            return .buffered
        }

        enum OnFlush {
            /// Encrypt these writes and send the ciphertext.
            case encrypt(CircularBuffer<PendingWrite>)
            case none
        }

        mutating func flush() -> OnFlush {
            switch self.state {
            case .idle(var writes):
                self.state = .modifying
                writes.markFlushed()
                self.state = .idle(writes)
                return .none
            case .handshaking(var writes):
                self.state = .modifying
                writes.markFlushed()
                self.state = .handshaking(writes)
                return .none
            case .active(var writes):
                guard !writes.writes.isEmpty else { return .none }
                self.state = .modifying
                let all = writes.takeAll()
                self.state = .active(writes)
                return .encrypt(all)
            case .closing, .closed, .failed, .modifying:
                return .none
            }
        }

        /// OpenSSL could not take these writes yet (it must read first): put them back at the
        /// front, flushed, so they go out on the next flush. Returns them if the connection is
        /// no longer active, for the handler to fail.
        mutating func requeue(_ unsent: CircularBuffer<PendingWrite>) -> CircularBuffer<PendingWrite> {
            switch self.state {
            case .active(var writes):
                self.state = .modifying
                var merged = unsent
                merged.append(contentsOf: writes.writes)
                writes.writes = merged
                writes.flushedCount = unsent.count
                self.state = .active(writes)
                return CircularBuffer()
            case .idle, .handshaking, .closing, .closed, .failed, .modifying:
                return unsent
            }
        }

        // MARK: Closing and errors

        enum OnClose {
            /// Queue our `close_notify`, write it, then close the channel; fail these unsent writes.
            case sendCloseNotifyThenClose(CircularBuffer<PendingWrite>)
            /// No TLS session to shut down: fail these writes and close the channel now.
            case closeImmediately(CircularBuffer<PendingWrite>)
            /// Already closing or closed: pass the close on.
            case forward
        }

        mutating func close() -> OnClose {
            switch self.state {
            case .idle(var writes), .handshaking(var writes):
                self.state = .closed
                return .closeImmediately(writes.takeAll())
            case .active(var writes):
                self.state = .closing
                return .sendCloseNotifyThenClose(writes.takeAll())
            case .closing, .closed, .failed, .modifying:
                return .forward
            }
        }

        /// The peer sent `close_notify`: answer with ours and close, like a local close.
        mutating func closeNotifyReceived() -> OnClose {
            switch self.state {
            case .active(var writes):
                self.state = .closing
                return .sendCloseNotifyThenClose(writes.takeAll())
            case .idle, .handshaking, .closing, .closed, .failed, .modifying:
                return .forward
            }
        }

        enum OnError {
            /// Send any pending alert, fail these writes, fire the error and close the channel.
            case failAndClose(TLSError, CircularBuffer<PendingWrite>)
            /// Already closing or failed: drop the error.
            case ignore
        }

        mutating func errorOccurred(_ error: TLSError) -> OnError {
            switch self.state {
            case .idle(var writes), .handshaking(var writes), .active(var writes):
                self.state = .failed(error)
                return .failAndClose(error, writes.takeAll())
            case .closing, .closed, .failed, .modifying:
                return .ignore
            }
        }
    }
}
