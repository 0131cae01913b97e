/// Opens calls to a server (the transport layer under ``RPCClient``).
///
/// Implementations multiplex calls over their connections and are thread-safe.
public protocol ClientTransport: Sendable {
    /// Starts a call: sends request headers with `metadata` and the time left until `deadline`.
    /// - Throws: ``RPCError`` UNAVAILABLE when no connection can be had.
    func openCall(_ descriptor: MethodDescriptor, metadata: Metadata, deadline: ContinuousClock.Instant?) async throws
        -> any ClientCallTransport
}

/// The transport's side of one client call.
///
/// Guarantees: ``receive()`` yields response messages in order and nil when the server finished;
/// ``status()`` then returns the final status and trailers. When the deadline passes the call is
/// reset and ends with DEADLINE_EXCEEDED; ``cancel()`` resets it and ends it with CANCELLED.
public protocol ClientCallTransport: AnyObject, Sendable {
    /// Sends one request message; waits while the server is not reading.
    func send(_ message: [UInt8]) async throws
    /// Half-closes: no more request messages.
    func closeSend()
    /// The response headers' metadata (empty for a Trailers-Only response).
    func initialMetadata() async throws -> Metadata
    /// The next response message, or nil once the server has finished.
    func receive() async throws -> [UInt8]?
    /// The final status and trailing metadata; waits for the end of the call.
    func status() async -> (Status, Metadata)
    /// Abandons the call (RST_STREAM CANCEL).
    func cancel()
}
