internal import Foundation

/// The gateway's two clocks, passed in so expiry, rate limits and audit times are tested without
/// waiting: wall time for what is stored (microseconds since the Unix epoch, UTC), monotonic time
/// for durations and token buckets.
struct GatewayClock: Sendable {
    var wallMicros: @Sendable () -> Int64
    var monotonicNanos: @Sendable () -> UInt64

    /// The system clocks.
    static let system = GatewayClock(
        wallMicros: { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down)) },
        monotonicNanos: { DispatchTime.now().uptimeNanoseconds })
}
