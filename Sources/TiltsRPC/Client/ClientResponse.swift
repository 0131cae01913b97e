public import TiltsWire

/// A single response with the metadata that came with it.
public struct ClientResponse<Message: TiltsWire.Message>: Sendable {
    public var message: Message
    public var initialMetadata: Metadata
    public var trailingMetadata: Metadata
}

/// The messages a server streams back, decoded.
///
/// Iterate it once. It ends normally when the server finishes with OK and throws ``RPCError``
/// when the status is anything else.
public struct ResponseStream<Element: Message>: AsyncSequence, Sendable {
    let call: any ClientCallTransport

    /// The response headers' metadata.
    public func initialMetadata() async throws -> Metadata {
        try await call.initialMetadata()
    }

    /// The trailers; waits for the end of the call.
    public func trailingMetadata() async -> Metadata {
        await call.status().1
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let call: any ClientCallTransport

        public mutating func next() async throws -> Element? {
            if let bytes = try await call.receive() {
                return try MessageCoding.decodeResponse(Element.self, from: bytes)
            }
            let (status, trailers) = await call.status()
            guard status.code == .ok else { throw RPCError(status: status, metadata: trailers) }
            return nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(call: call) }
}

/// Sends request messages on a client-streaming or bidirectional call.
public struct RequestWriter<Element: Message>: Sendable {
    let call: any ClientCallTransport

    /// Sends one message; waits while the server is not reading.
    public func write(_ message: Element) async throws {
        try await call.send(message.serializedBytes())
    }

    /// Half-closes the request stream; done for you when the producer returns.
    public func finish() {
        call.closeSend()
    }
}
