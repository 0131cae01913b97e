internal import TiltsRPC

/// The state of one server call, without I/O: inbound messages, flow-control credit and how the
/// call ends.
///
/// Transitions:
/// ```
/// open ──handler finishes──▶ finished
///   └───cancel/deadline/bad input──▶ ended(error)
/// ```
/// `finished` and `ended` are terminal. Inbound bytes are framed into messages as they arrive;
/// the receive window reopens as bytes arrive unless more than ``ServerStream/inboundHighWatermark``
/// bytes of complete messages wait unread, in which case the credit is held until the handler reads.
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
    private var deframer: MessageDeframer
    private var queue: [[UInt8]] = []
    private var head = 0
    private var queuedBytes = 0
    private var heldBytes = 0
    private var inputEnded = false
    private let highWatermark: Int

    init(maxMessageSize: Int = 4 << 20, highWatermark: Int = 1 << 20) {
        self.deframer = MessageDeframer(maxMessageSize: maxMessageSize)
        self.highWatermark = highWatermark
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
        deframer.append(bytes)
        do {
            while let message = try deframer.next() {
                queue.append(message)
                queuedBytes += message.count
            }
        } catch {
            return .fail(RPCError.from(error))
        }
        if queuedBytes > highWatermark {
            heldBytes += bytes.count
            return .hold
        }
        let credit = bytes.count + heldBytes
        heldBytes = 0
        return .consume(credit)
    }

    /// The client half-closed; returns an error if it stopped inside a message.
    mutating func receivedEnd() -> RPCError? {
        inputEnded = true
        if deframer.hasPartialMessage {
            return RPCError(code: .internal, message: "the request stream ended in the middle of a message")
        }
        return nil
    }

    mutating func nextMessage() -> OnRead {
        if case .ended(let error) = phase { return .fail(error) }
        if head < queue.count {
            let message = queue[head]
            head += 1
            queuedBytes -= message.count
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            var release = 0
            if heldBytes > 0 && queuedBytes <= highWatermark {
                release = heldBytes
                heldBytes = 0
            }
            return .message(message, release: release)
        }
        return inputEnded ? .end : .wait
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
