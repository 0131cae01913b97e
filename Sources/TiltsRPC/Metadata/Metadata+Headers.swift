internal import TiltsWire

extension Metadata {
    /// Header names gRPC reserves for itself; they never appear as metadata.
    static func isReserved(_ name: String) -> Bool {
        if name.utf8.first == UInt8(ascii: ":") { return true }
        switch name {
        case "content-type", "te", "grpc-timeout", "grpc-encoding", "grpc-accept-encoding", "grpc-status",
            "grpc-message", "connection", "keep-alive", "transfer-encoding", "upgrade", "host":
            return true
        default:
            return false
        }
    }

    /// Builds metadata from received header fields, skipping the reserved ones and decoding
    /// `-bin` values from base64.
    /// - Throws: ``RPCError`` `.internal` when a `-bin` value is not valid base64.
    public init<S: Sequence>(headerFields: S) throws where S.Element == (String, String) {
        self.init()
        for (name, value) in headerFields {
            try appendReceived(name: name, value: value)
        }
    }

    /// Appends one received header field unless gRPC reserves it, decoding `-bin` values.
    /// Non-generic so transports call it without generic dispatch on their hot path.
    /// - Throws: ``RPCError`` `.internal` when a `-bin` value is not valid base64.
    public mutating func appendReceived(name: String, value: String) throws {
        if Metadata.isReserved(name) { return }
        if name.hasSuffix("-bin") {
            guard let bytes = Base64.decode(value) else {
                throw RPCError(code: .internal, message: "metadata '\(name)' is not valid base64")
            }
            appendLowercased(name, .binary(bytes))
        } else {
            appendLowercased(name, .string(value))
        }
    }

    /// The metadata as header fields, `-bin` values base64-encoded (unpadded, as gRPC allows).
    public func headerFields() -> [(String, String)] {
        map { entry in
            switch entry.value {
            case .string(let text): return (entry.key, text)
            case .binary(let bytes): return (entry.key, Base64.encode(bytes))
            }
        }
    }
}
