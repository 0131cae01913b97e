internal import Synchronization

/// A token bucket per principal subject: `burst` calls at once, refilled at `ratePerSecond`.
///
/// ``take(_:nowNanos:)`` spends one token or reports that the caller must slow down; the gateway
/// then answers RESOURCE_EXHAUSTED. Buckets of callers idle long enough to be full again are
/// dropped when the table grows, so memory stays bounded by the active callers. A rate of 0
/// disables limiting. Thread-safe; the clock is passed in.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updatedNanos: UInt64
    }

    let ratePerSecond: Double
    let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])
    static let pruneThreshold = 10_000

    init(ratePerSecond: Double, burst: Double) {
        self.ratePerSecond = ratePerSecond
        self.burst = max(1, burst)
    }

    var isEnabled: Bool { ratePerSecond > 0 }

    /// Spends one token of `subject`'s bucket; false when it is empty.
    func take(_ subject: String, nowNanos: UInt64) -> Bool {
        guard isEnabled else { return true }
        let rate = ratePerSecond
        let burst = burst
        return buckets.withLock { buckets in
            if buckets.count > Self.pruneThreshold { Self.prune(&buckets, nowNanos: nowNanos, rate: rate, burst: burst) }
            var bucket = buckets[subject] ?? Bucket(tokens: burst, updatedNanos: nowNanos)
            let elapsed = Double(nowNanos &- bucket.updatedNanos) / 1e9
            bucket.tokens = min(burst, bucket.tokens + elapsed * rate)
            bucket.updatedNanos = nowNanos
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[subject] = bucket
            return allowed
        }
    }

    private static func prune(_ buckets: inout [String: Bucket], nowNanos: UInt64, rate: Double, burst: Double) {
        buckets = buckets.filter { _, bucket in
            bucket.tokens + Double(nowNanos &- bucket.updatedNanos) / 1e9 * rate < burst
        }
    }
}
