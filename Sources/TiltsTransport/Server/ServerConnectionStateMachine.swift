/// The life of a server connection, without I/O.
///
/// ```
/// active ──quiesce──▶ notified (first GOAWAY) ──▶ goAwaySent ──no open streams──▶ close
/// ```
struct ServerConnectionStateMachine {
    enum Phase { case active, notified, goAwaySent }
    private(set) var phase = Phase.active

    /// Starts a graceful shutdown; false if one is already under way.
    mutating func beginShutdown() -> Bool {
        guard phase == .active else { return false }
        phase = .notified
        return true
    }

    mutating func goAwaySent() {
        phase = .goAwaySent
    }

    /// Whether the connection should close now.
    func shouldClose(openStreams: Int) -> Bool {
        phase == .goAwaySent && openStreams == 0
    }
}
