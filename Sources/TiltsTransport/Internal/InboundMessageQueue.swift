internal import TiltsRPC

/// Received messages of one stream, with the flow-control credit they hold. Both call ends use it.
///
/// Bytes are framed into messages as they arrive. The receive window reopens by the bytes received,
/// unless more than `highWatermark` bytes of complete messages wait unread: then the credit is held
/// and released as the reader catches up, so a slow reader slows its peer instead of buffering
/// without bound. Value type, confined to the stream's event loop.
struct InboundMessageQueue {
    enum OnData {
        /// Reopen the window by this many bytes.
        case consume(Int)
        /// Keep the credit: the reader is behind.
        case hold
        /// The input is malformed or too large.
        case fail(RPCError)
    }

    enum OnRead {
        case message([UInt8], release: Int)
        case end
        case wait
    }

    private var deframer: MessageDeframer
    private var queue: [[UInt8]] = []
    private var head = 0
    private var queuedBytes = 0
    private var heldBytes = 0
    private(set) var ended = false
    private let highWatermark: Int
    /// Read slots at the front of `queue` tolerated before compacting.
    static let compactionThreshold = 1024

    init(maxMessageSize: Int, highWatermark: Int = 1 << 20) {
        self.deframer = MessageDeframer(maxMessageSize: maxMessageSize)
        self.highWatermark = highWatermark
    }

    mutating func receivedData(_ bytes: UnsafeRawBufferPointer) -> OnData {
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

    /// The peer half-closed; returns an error if it stopped inside a message.
    mutating func receivedEnd() -> RPCError? {
        ended = true
        if deframer.hasPartialMessage {
            return RPCError(code: .internal, message: "the stream ended in the middle of a message")
        }
        return nil
    }

    /// Messages queued and not yet read.
    var count: Int { queue.count - head }

    /// Slots of the array in use, read or not: bounded while a long stream flows (see ``next()``).
    var storageCount: Int { queue.count }

    /// The next message, with the credit its removal releases.
    ///
    /// A read slot is emptied at once and the array is compacted once at least half of it (and
    /// `compactionThreshold` slots) has been read, so a reader that never fully catches up (a
    /// backfill of millions of events) holds only the unread messages, with amortised O(1) moves.
    mutating func next() -> OnRead {
        if head < queue.count {
            let message = queue[head]
            queue[head] = []
            head += 1
            queuedBytes -= message.count
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= Self.compactionThreshold && head * 2 >= queue.count {
                queue.removeFirst(head)
                head = 0
            }
            var release = 0
            if heldBytes > 0 && queuedBytes <= highWatermark {
                release = heldBytes
                heldBytes = 0
            }
            return .message(message, release: release)
        }
        return ended ? .end : .wait
    }
}
