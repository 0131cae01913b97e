internal import Synchronization
@testable internal import Gateway

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let now = Mutex<(micros: Int64, nanos: UInt64)>((1_780_000_000_000_000, 1_000_000_000))

    var clock: GatewayClock {
        GatewayClock(wallMicros: { self.now.withLock { $0.micros } }, monotonicNanos: { self.now.withLock { $0.nanos } })
    }

    func advance(seconds: Double) {
        now.withLock { now in
            now.micros += Int64(seconds * 1e6)
            now.nanos += UInt64(seconds * 1e9)
        }
    }
}
