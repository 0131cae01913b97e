internal import Synchronization
internal import TiltsTLS

/// Request ids for calls through the gateway: a random per-process prefix and a counter, e.g.
/// `9f2c4e1ab07d-42`. Unique across restarts without a random draw per call. Thread-safe.
final class RequestIDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        let bytes = (try? SecureRandom.bytes(count: 6)) ?? [UInt8](repeating: 0, count: 6)
        prefix = Digest.hex(bytes)
    }

    func next() -> String {
        let value = counter.add(1, ordering: .relaxed).newValue
        return "\(prefix)-\(value)"
    }
}
