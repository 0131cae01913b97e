/// The transport's side of one server call, as handlers see it (the call layer).
///
/// A transport implements this once per stream. Guarantees it gives:
/// - ``receive()`` yields request messages in order and `nil` once the client half-closed; it
///   throws ``RPCError`` (CANCELLED or DEADLINE_EXCEEDED) once the call is over.
/// - ``send(_:)`` returns when the message is queued and the stream has room for more, and throws
///   once the call is over, so a handler streaming to a gone client stops.
/// - ``finish(status:)`` is idempotent: the first status wins, later ones are ignored.
///
/// Implementations are thread-safe: a handler task may call from any thread.
public protocol ServerCallTransport: AnyObject, Sendable {
    /// The call's fixed facts.
    var context: ServerContext { get }
    /// The next request message, or nil at the end of the request stream.
    func receive() async throws -> [UInt8]?
    /// Sets response headers' metadata. Takes effect only before the first message or the status.
    func setInitialMetadata(_ metadata: Metadata)
    /// Adds metadata to the trailers sent with the status.
    func addTrailingMetadata(_ metadata: Metadata)
    /// Sends one response message.
    func send(_ message: [UInt8]) async throws
    /// Ends the call with this status.
    func finish(status: Status)
}
