import Testing
@testable import TiltsRPC

@Suite struct MessageDeframerTests {
    @Test func messagesSplitAcrossChunksAreReassembled() throws {
        let first = MessageFramer.frame([1, 2, 3])
        let second = MessageFramer.frame(Array(repeating: 7, count: 300))
        let stream = first + second
        var deframer = MessageDeframer(maxMessageSize: 1024)
        var received: [[UInt8]] = []
        for byte in stream {
            deframer.append([byte])
            while let message = try deframer.next() { received.append(message) }
        }
        #expect(received == [[1, 2, 3], Array(repeating: 7, count: 300)])
        #expect(!deframer.hasPartialMessage)
    }

    @Test func severalMessagesInOneChunk() throws {
        var deframer = MessageDeframer(maxMessageSize: 1024)
        deframer.append(MessageFramer.frame([]) + MessageFramer.frame([9]) + MessageFramer.frame([8, 8]))
        #expect(try deframer.next() == [])
        #expect(try deframer.next() == [9])
        #expect(try deframer.next() == [8, 8])
        #expect(try deframer.next() == nil)
    }

    @Test func oversizedMessageIsRefusedFromItsPrefix() {
        var deframer = MessageDeframer(maxMessageSize: 4 << 20)
        // Only the prefix of a 5 MiB message: refused before any body arrives.
        deframer.append([0, 0x00, 0x50, 0x00, 0x00])
        #expect(throws: RPCError.self) { try deframer.next() }
        do {
            _ = try deframer.next()
        } catch let error as RPCError {
            #expect(error.code == .resourceExhausted)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func compressedFlagWithoutNegotiationIsAnError() {
        var deframer = MessageDeframer(maxMessageSize: 100)
        deframer.append([1, 0, 0, 0, 1, 42])
        #expect(throws: RPCError.self) { try deframer.next() }
    }

    @Test func partialMessageIsReported() throws {
        var deframer = MessageDeframer(maxMessageSize: 100)
        deframer.append([0, 0, 0, 0, 4, 1, 2])
        #expect(try deframer.next() == nil)
        #expect(deframer.hasPartialMessage)
    }
}
