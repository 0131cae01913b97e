/// Retries `attempt` until it returns a value, for at most `timeout`: the services learn of each
/// other's changes through event streams, a moment after the call that made them.
///
/// `attempt` returns nil, or throws, to mean "not yet". Each retry waits 50 ms.
/// - Throws: ``HarnessError`` naming `what` and the last error, once `timeout` has passed.
func eventually<T: Sendable>(
    _ what: String, timeout: Duration = .seconds(15), _ attempt: () async throws -> T?
) async throws -> T {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    var last = "no value"
    while true {
        do {
            if let value = try await attempt() { return value }
            last = "no value"
        } catch {
            last = "\(error)"
        }
        guard ContinuousClock.now < deadline else {
            throw HarnessError("gave up after \(timeout) waiting for \(what): \(last)")
        }
        try await Task.sleep(for: .milliseconds(50))
    }
}
