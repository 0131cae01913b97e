/// Handed to every server handler: the call's context and the metadata it may send back.
///
/// Cheap to copy; safe to use from any task.
public struct ServerCall: Sendable {
    let transport: any ServerCallTransport

    public init(transport: any ServerCallTransport) {
        self.transport = transport
    }

    /// The method, metadata, deadline and peer of this call.
    public var context: ServerContext { transport.context }

    /// The client's request metadata.
    public var metadata: Metadata { transport.context.metadata }

    /// Sets the metadata of the response headers; call before sending the first message.
    public func setInitialMetadata(_ metadata: Metadata) {
        transport.setInitialMetadata(metadata)
    }

    /// Adds metadata to the trailers.
    public func addTrailingMetadata(_ metadata: Metadata) {
        transport.addTrailingMetadata(metadata)
    }
}
