internal import TiltsRPC

/// The state of one server call, without I/O: inbound messages, flow-control credit and how the
/// call ends.
///
/// Transitions:
/// ```
/// open ──handler finishes──▶ finished
///   └───cancel/deadline/bad input──▶ ended(error)
/// ```
/// `finished` and `ended` are terminal. Inbound messages and their flow-control credit are kept
/// by an ``InboundMessageQueue``.
struct ServerStreamStateMachine {
    enum Phase {
        case open
        case finished
        case ended(RPCError)
    }

    enum OnData {
        /// Reopen the window by this many bytes.
        case consume(Int)
        /// Keep the credit: the reader is behind.
        case hold
        /// The input is bad; end the call with this error.
        case fail(RPCError)
    }

    enum OnRead {
        case message([UInt8], release: Int)
        case end
        case wait
        case fail(RPCError)
    }

    private(set) var phase = Phase.open
    private(set) var headersSent = false
    private var inbound: InboundMessageQueue

    init(maxMessageSize: Int = 4 << 20) {
        self.inbound = InboundMessageQueue(maxMessageSize: maxMessageSize)
    }

    /// The error a call that has stopped reports to its handler, nil while open.
    var terminalError: RPCError? {
        switch phase {
        case .open: return nil
        case .finished: return RPCError(code: .failedPrecondition, message: "the call has already finished")
        case .ended(let error): return error
        }
    }

    mutating func receivedData(_ bytes: UnsafeRawBufferPointer) -> OnData {
        guard case .open = phase else { return .consume(bytes.count) }
        switch inbound.receivedData(bytes) {
        case .consume(let count): return .consume(count)
        case .hold: return .hold
        case .fail(let error): return .fail(error)
        }
    }

    /// The client half-closed; returns an error if it stopped inside a message.
    mutating func receivedEnd() -> RPCError? {
        inbound.receivedEnd()
    }

    mutating func nextMessage() -> OnRead {
        if case .ended(let error) = phase { return .fail(error) }
        switch inbound.next() {
        case .message(let message, let release): return .message(message, release: release)
        case .end: return .end
        case .wait: return .wait
        }
    }

    /// Marks the response headers sent; false if they already were.
    mutating func markHeadersSent() -> Bool {
        if headersSent { return false }
        headersSent = true
        return true
    }

    /// The handler finished; false if the call had already stopped.
    mutating func finish() -> Bool {
        guard case .open = phase else { return false }
        phase = .finished
        return true
    }

    /// The call stops early; false if it had already stopped.
    mutating func end(with error: RPCError) -> Bool {
        guard case .open = phase else { return false }
        phase = .ended(error)
        return true
    }
}
