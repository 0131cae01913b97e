import Testing
import TiltsRPC
@testable import TiltsTransport

/// The inbound queue must stay bounded by what is unread, however long the stream: a backfill
/// reader that never fully catches up used to keep every message it had read.
@Suite struct InboundMessageQueueCompactionTests {
    /// Pushes `count` one-byte-payload messages (the payload is the index mod 256).
    private static func push(_ queue: inout InboundMessageQueue, from start: Int, count: Int) {
        for index in start..<(start + count) {
            let frame = MessageFramer.frame([UInt8(truncatingIfNeeded: index)])
            _ = frame.withUnsafeBytes { queue.receivedData($0) }
        }
    }

    @Test func aReaderThatNeverCatchesUpKeepsOnlyTheUnreadMessages() {
        var queue = InboundMessageQueue(maxMessageSize: 100, highWatermark: 1 << 30)
        var written = 0
        var read = 0
        var largestStorage = 0
        // Ten messages in, nine out, 50,000 times: the backlog grows slowly and never drains.
        for _ in 0..<50_000 {
            Self.push(&queue, from: written, count: 10)
            written += 10
            for _ in 0..<9 {
                guard case .message(let message, _) = queue.next() else {
                    Issue.record("expected a message")
                    return
                }
                #expect(message == [UInt8(truncatingIfNeeded: read)])
                read += 1
            }
            largestStorage = max(largestStorage, queue.storageCount)
        }
        #expect(queue.count == written - read)
        // Without compaction the array holds all 500,000; with it, at most about twice the unread.
        #expect(largestStorage <= 2 * queue.count + InboundMessageQueue.compactionThreshold + 10)
        // And everything left comes out in order.
        while case .message(let message, _) = queue.next() {
            #expect(message == [UInt8(truncatingIfNeeded: read)])
            read += 1
        }
        #expect(read == written)
        #expect(queue.storageCount == 0)
    }

    @Test func compactionKeepsHeldCreditAndOrder() {
        // Hold credit from the start (watermark 0) and read across several compactions.
        var queue = InboundMessageQueue(maxMessageSize: 100, highWatermark: 0)
        Self.push(&queue, from: 0, count: 5_000)
        var released = 0
        for index in 0..<5_000 {
            guard case .message(let message, let release) = queue.next() else {
                Issue.record("expected message \(index)")
                return
            }
            #expect(message == [UInt8(truncatingIfNeeded: index)])
            released += release
        }
        // Every byte (5 of prefix, 1 of payload a message) was held and comes back as the
        // reader catches up.
        #expect(released == 5_000 * 6)
        #expect(queue.storageCount == 0)
    }
}
