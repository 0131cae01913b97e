internal import Testing
@testable internal import Gateway

@Suite("RateLimiter: token bucket per principal")
struct RateLimiterTests {
    @Test func aBurstThenRefusalThenRefill() {
        let limiter = RateLimiter(ratePerSecond: 2, burst: 3)
        let t0: UInt64 = 1_000_000_000
        #expect((0..<3).allSatisfy { _ in limiter.take("a", nowNanos: t0) })
        #expect(!limiter.take("a", nowNanos: t0))
        #expect(limiter.take("b", nowNanos: t0), "buckets are per principal")
        #expect(limiter.take("a", nowNanos: t0 + 500_000_000), "one token back after half a second at 2/s")
        #expect(!limiter.take("a", nowNanos: t0 + 500_000_000))
    }

    @Test func rateZeroDisablesLimiting() {
        let limiter = RateLimiter(ratePerSecond: 0, burst: 1)
        #expect((0..<100).allSatisfy { _ in limiter.take("a", nowNanos: 0) })
    }
}
