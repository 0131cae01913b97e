internal import NIOCore
internal import NIOPosix
internal import Testing
@testable internal import TiltsTLS

@Suite("OpenSSLHandler.StateMachine")
struct OpenSSLHandlerStateMachineTests {
    typealias StateMachine = OpenSSLHandler.StateMachine

    private func buffer(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    private func texts(_ writes: CircularBuffer<OpenSSLHandler.PendingWrite>) -> [String] {
        writes.map { String(buffer: $0.data) }
    }

    private func active() -> StateMachine {
        var machine = StateMachine()
        _ = machine.channelActive()
        _ = machine.handshakeCompleted()
        return machine
    }

    @Test func channelActiveStartsTheHandshakeOnce() {
        var machine = StateMachine()
        #expect(machine.channelActive() == .startHandshake)
        #expect(machine.channelActive() == .none)
        #expect(machine.channelRead() == .continueHandshake)
        #expect(!machine.isActive)
    }

    @Test func readBeforeChannelActiveStartsTheHandshake() {
        var machine = StateMachine()
        #expect(machine.channelRead() == .continueHandshake)
        #expect(machine.channelActive() == .none)
    }

    @Test func flushedWritesWaitForTheHandshakeAndKeepTheirOrder() {
        var machine = StateMachine()
        _ = machine.channelActive()
        guard case .buffered = machine.write(buffer("a"), promise: nil) else { Issue.record("not buffered"); return }
        _ = machine.write(buffer("b"), promise: nil)
        guard case .none = machine.flush() else { Issue.record("flush during handshake must wait"); return }
        _ = machine.write(buffer("c"), promise: nil)  // written after the flush: waits for the next one

        guard case .writeAndFireEvent(let flushed) = machine.handshakeCompleted() else {
            Issue.record("expected the flushed writes")
            return
        }
        #expect(self.texts(flushed) == ["a", "b"])
        #expect(machine.isActive)
        #expect(machine.channelRead() == .readPlaintext)

        guard case .encrypt(let rest) = machine.flush() else { Issue.record("expected encrypt"); return }
        #expect(self.texts(rest) == ["c"])
        guard case .none = machine.flush() else { Issue.record("nothing left to flush"); return }
    }

    @Test func handshakeWithoutFlushedWritesOnlyFiresTheEvent() {
        var machine = StateMachine()
        _ = machine.channelActive()
        _ = machine.write(buffer("unflushed"), promise: nil)
        guard case .fireEvent = machine.handshakeCompleted() else { Issue.record("expected fireEvent"); return }
        guard case .encrypt(let writes) = machine.flush() else { Issue.record("expected encrypt"); return }
        #expect(self.texts(writes) == ["unflushed"])
    }

    @Test func closeWhileActiveSendsCloseNotifyAndFailsUnsentWrites() {
        var machine = self.active()
        _ = machine.write(buffer("never flushed"), promise: nil)
        guard case .sendCloseNotifyThenClose(let unsent) = machine.close() else {
            Issue.record("expected close_notify")
            return
        }
        #expect(self.texts(unsent) == ["never flushed"])
        #expect(machine.channelRead() == .ignore)
        guard case .fail(let error) = machine.write(buffer("late"), promise: nil) else {
            Issue.record("write after close must fail")
            return
        }
        #expect(error as? ChannelError == .ioOnClosedChannel)
        guard case .forward = machine.close() else { Issue.record("second close is forwarded"); return }
        guard case .none = machine.channelInactive() else { Issue.record("clean close has no error"); return }
    }

    @Test func closeDuringHandshakeClosesWithoutCloseNotify() {
        var machine = StateMachine()
        _ = machine.channelActive()
        _ = machine.write(buffer("early"), promise: nil)
        guard case .closeImmediately(let unsent) = machine.close() else {
            Issue.record("expected immediate close")
            return
        }
        #expect(self.texts(unsent) == ["early"])
    }

    @Test func closeNotifyFromThePeerIsAnswered() {
        var machine = self.active()
        guard case .sendCloseNotifyThenClose = machine.closeNotifyReceived() else {
            Issue.record("expected close_notify reply")
            return
        }
        guard case .forward = machine.closeNotifyReceived() else { Issue.record("only once"); return }
    }

    @Test func errorFailsOnceAndIsTerminal() {
        var machine = StateMachine()
        _ = machine.channelActive()
        _ = machine.write(buffer("pending"), promise: nil)
        let error = TLSError(code: .handshakeFailed, message: "boom")
        guard case .failAndClose(let fired, let writes) = machine.errorOccurred(error) else {
            Issue.record("expected failAndClose")
            return
        }
        #expect(fired.code == .handshakeFailed)
        #expect(self.texts(writes) == ["pending"])
        guard case .ignore = machine.errorOccurred(error) else { Issue.record("second error is ignored"); return }
        guard case .fail(let writeError) = machine.write(buffer("x"), promise: nil) else {
            Issue.record("write after failure must fail")
            return
        }
        #expect((writeError as? TLSError)?.code == .handshakeFailed)
        #expect(machine.channelRead() == .ignore)
        guard case .none = machine.channelInactive() else { Issue.record("no second error on inactive"); return }
        guard case .forward = machine.close() else { Issue.record("close is forwarded"); return }
    }

    @Test func channelInactiveDuringHandshakeIsAnError() {
        var machine = StateMachine()
        _ = machine.channelActive()
        _ = machine.write(buffer("w"), promise: nil)
        guard case .fireErrorAndFailWrites(let error, let writes) = machine.channelInactive() else {
            Issue.record("expected an error")
            return
        }
        #expect(error.code == .closedDuringHandshake)
        #expect(self.texts(writes) == ["w"])
    }

    @Test func channelInactiveWhenActiveFailsOnlyUnsentWrites() {
        var machine = self.active()
        guard case .none = machine.channelInactive() else { Issue.record("nothing to fail"); return }

        var other = self.active()
        _ = other.write(buffer("w"), promise: nil)
        guard case .failWrites(let writes) = other.channelInactive() else { Issue.record("expected failWrites"); return }
        #expect(self.texts(writes) == ["w"])
    }

    @Test func requeuedWritesGoFirstOnTheNextFlush() {
        var machine = self.active()
        _ = machine.write(buffer("a"), promise: nil)
        _ = machine.write(buffer("b"), promise: nil)
        guard case .encrypt(let writes) = machine.flush() else { Issue.record("expected encrypt"); return }
        _ = machine.write(buffer("c"), promise: nil)
        let leftOver = machine.requeue(writes)
        #expect(leftOver.isEmpty)
        guard case .encrypt(let again) = machine.flush() else { Issue.record("expected encrypt"); return }
        #expect(self.texts(again) == ["a", "b", "c"])
    }

    @Test func promisesTravelWithTheirWrites() throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        var machine = StateMachine()
        _ = machine.channelActive()
        let promise = loop.makePromise(of: Void.self)
        _ = machine.write(buffer("p"), promise: promise)
        _ = machine.flush()
        guard case .writeAndFireEvent(let writes) = machine.handshakeCompleted() else {
            Issue.record("expected writes")
            return
        }
        #expect(writes.first?.promise?.futureResult === promise.futureResult)
        promise.succeed(())
    }

    @Test func handlerRemovedReturnsEverythingUnsent() {
        var machine = StateMachine()
        _ = machine.write(buffer("1"), promise: nil)
        #expect(self.texts(machine.handlerRemoved()) == ["1"])
        #expect(machine.channelRead() == .ignore)
    }
}
