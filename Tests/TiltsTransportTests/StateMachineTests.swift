import Testing
import TiltsRPC
@testable import TiltsTransport
import TiltsHTTP2

@Suite struct InboundMessageQueueTests {
    @Test func creditIsHeldWhileTheReaderIsBehindAndReleasedAfter() {
        var queue = InboundMessageQueue(maxMessageSize: 1 << 20, highWatermark: 10)
        let message = MessageFramer.frame([UInt8](repeating: 1, count: 8))
        let first = message.withUnsafeBytes { queue.receivedData($0) }
        guard case .consume(13) = first else { Issue.record("expected consume, got \(first)"); return }
        let second = message.withUnsafeBytes { queue.receivedData($0) }
        guard case .hold = second else { Issue.record("expected hold, got \(second)"); return }
        guard case .message(_, let release) = queue.next() else { Issue.record("no message"); return }
        #expect(release == 13)
    }

    @Test func endInsideAMessageIsAnError() {
        var queue = InboundMessageQueue(maxMessageSize: 100)
        _ = [UInt8]([0, 0, 0, 0, 9, 1]).withUnsafeBytes { queue.receivedData($0) }
        #expect(queue.receivedEnd()?.code == .internal)
    }
}

@Suite struct ServerStreamStateMachineTests {
    @Test func finishIsFinalAndEndAfterFinishIsIgnored() {
        var machine = ServerStreamStateMachine()
        let first = machine.finish()
        let second = machine.finish()
        let late = machine.end(with: RPCError(code: .cancelled, message: ""))
        #expect(first)
        #expect(!second)
        #expect(!late)
        #expect(machine.terminalError?.code == .failedPrecondition)
    }

    @Test func cancelledCallFailsReads() {
        var machine = ServerStreamStateMachine()
        let ended = machine.end(with: RPCError(code: .cancelled, message: "gone"))
        #expect(ended)
        guard case .fail(let error) = machine.nextMessage() else { Issue.record("expected failure"); return }
        #expect(error.code == .cancelled)
    }
}

@Suite struct ClientStreamStateMachineTests {
    @Test func trailersOnlyResponseCarriesTheStatus() {
        var machine = ClientStreamStateMachine(maxMessageSize: 100)
        machine.receivedHeaders(
            [HTTP2Header(":status", "200"), HTTP2Header("content-type", "application/grpc"), HTTP2Header("grpc-status", "5"),
             HTTP2Header("grpc-message", "not%20found")], endStream: true)
        #expect(machine.status?.0 == Status(code: .notFound, message: "not found"))
        #expect(machine.initialMetadata == Metadata())
    }

    @Test func httpErrorsMapToGRPCCodes() {
        var machine = ClientStreamStateMachine(maxMessageSize: 100)
        machine.receivedHeaders([HTTP2Header(":status", "503")], endStream: true)
        #expect(machine.status?.0.code == .unavailable)
    }

    @Test func messagesBeforeTrailersStayReadable() {
        var machine = ClientStreamStateMachine(maxMessageSize: 100)
        machine.receivedHeaders([HTTP2Header(":status", "200"), HTTP2Header("content-type", "application/grpc")], endStream: false)
        _ = MessageFramer.frame([7]).withUnsafeBytes { machine.receivedData($0) }
        machine.receivedHeaders([HTTP2Header("grpc-status", "0")], endStream: true)
        guard case .message(let message, _) = machine.next() else { Issue.record("message lost"); return }
        #expect(message == [7])
        guard case .end = machine.next() else { Issue.record("expected end"); return }
    }

    @Test func resetByServerIsReported() {
        var machine = ClientStreamStateMachine(maxMessageSize: 100)
        machine.closed(errorCode: HTTP2ErrorCode.refusedStream)
        #expect(machine.status?.0.code == .unavailable)
    }
}
