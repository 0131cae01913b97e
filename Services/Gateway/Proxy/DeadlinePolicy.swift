/// How long the gateway lets a routed call run (config `default_timeout_ms`, `max_timeout_ms`).
///
/// The service gets the caller's remaining time, capped at the maximum; a caller that sets no
/// deadline gets the default. Pure; the clock's `now` is passed in.
struct DeadlinePolicy: Sendable, Equatable {
    var defaultTimeout: Duration
    var maximumTimeout: Duration

    /// 30 s default, 5 min maximum.
    static let standard = DeadlinePolicy(defaultTimeout: .seconds(30), maximumTimeout: .seconds(300))

    func upstreamDeadline(client: ContinuousClock.Instant?, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let cap = now.advanced(by: maximumTimeout)
        guard let client else { return now.advanced(by: min(defaultTimeout, maximumTimeout)) }
        return min(client, cap)
    }
}
