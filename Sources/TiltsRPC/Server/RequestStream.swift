public import TiltsWire

/// The messages a client streams to a server handler, decoded.
///
/// Iterate it once, from one task. Iteration ends when the client half-closes; it throws
/// ``RPCError`` when a message does not decode or the call ends early.
public struct RequestStream<Element: Message>: AsyncSequence, Sendable {
    let transport: any ServerCallTransport

    public init(transport: any ServerCallTransport) {
        self.transport = transport
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let transport: any ServerCallTransport

        public mutating func next() async throws -> Element? {
            guard let bytes = try await transport.receive() else { return nil }
            return try MessageCoding.decodeRequest(Element.self, from: bytes)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(transport: transport)
    }
}

/// Sends response messages from a streaming server handler.
public struct ResponseWriter<Element: Message>: Sendable {
    let transport: any ServerCallTransport

    public init(transport: any ServerCallTransport) {
        self.transport = transport
    }

    /// Sends one message; waits while the client is not reading (flow control).
    /// - Throws: ``RPCError`` once the call is over (cancelled, deadline passed, client gone).
    public func write(_ message: Element) async throws {
        try await transport.send(message.serializedBytes())
    }
}
