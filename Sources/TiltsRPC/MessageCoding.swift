public import TiltsWire

/// Decoding and encoding of messages at the call layer, with errors turned into statuses.
enum MessageCoding {
    /// Decodes a received request; a malformed body is the client's fault (INVALID_ARGUMENT).
    static func decodeRequest<M: Message>(_ type: M.Type, from bytes: [UInt8]) throws -> M {
        do {
            return try M(serializedBytes: bytes)
        } catch {
            throw RPCError(
                code: .invalidArgument,
                message: "the request is not a valid \(M.protoMessageName) message: \(error)")
        }
    }

    /// Decodes a received response; a malformed body means the server is broken (INTERNAL).
    static func decodeResponse<M: Message>(_ type: M.Type, from bytes: [UInt8]) throws -> M {
        do {
            return try M(serializedBytes: bytes)
        } catch {
            throw RPCError(
                code: .internal,
                message: "the response is not a valid \(M.protoMessageName) message: \(error)")
        }
    }
}
