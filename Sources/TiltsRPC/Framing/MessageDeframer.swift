/// Splits a stream's DATA payload into gRPC messages (PROTOCOL-HTTP2, "Length-Prefixed-Message").
///
/// Each message is a compressed-flag byte, a big-endian 32-bit length and the bytes. Messages may
/// be split across DATA frames or share one; the deframer buffers partial input until complete.
/// A declared length over `maxMessageSize` is refused as soon as its prefix arrives, so a hostile
/// peer cannot make us buffer it.
///
/// Value type, owned by whoever owns the stream; not thread-safe.
public struct MessageDeframer: Sendable {
    /// The largest message accepted, in bytes.
    public let maxMessageSize: Int
    private var buffer: [UInt8] = []
    private var start = 0

    public init(maxMessageSize: Int) {
        self.maxMessageSize = maxMessageSize
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65_536 && start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete message, or nil when more bytes are needed.
    /// - Throws: ``RPCError`` RESOURCE_EXHAUSTED for an oversized message, INTERNAL for a
    ///   compressed one (Tilts announces `grpc-accept-encoding: identity` only).
    public mutating func next() throws -> [UInt8]? {
        let available = buffer.count - start
        guard available >= 5 else { return nil }
        let flag = buffer[start]
        let length =
            Int(buffer[start + 1]) << 24 | Int(buffer[start + 2]) << 16 | Int(buffer[start + 3]) << 8
            | Int(buffer[start + 4])
        if flag & 1 != 0 {
            throw RPCError(
                code: .internal, message: "compressed message received but no compression was negotiated")
        }
        if length > maxMessageSize {
            throw RPCError(
                code: .resourceExhausted,
                message: "message of \(length) bytes exceeds the limit of \(maxMessageSize) bytes")
        }
        guard available >= 5 + length else { return nil }
        let message = Array(buffer[(start + 5)..<(start + 5 + length)])
        start += 5 + length
        return message
    }

    /// Whether bytes of an incomplete message are buffered (an error at end of stream).
    public var hasPartialMessage: Bool { start < buffer.count }
}

/// Adds the gRPC length prefix to messages.
public enum MessageFramer {
    /// The five-byte prefix for an uncompressed message of `length` bytes.
    public static func prefix(length: Int) -> (UInt8, UInt8, UInt8, UInt8, UInt8) {
        let n = UInt32(truncatingIfNeeded: length)
        return (0, UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF))
    }

    /// The message with its prefix.
    public static func frame(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 5)
        let p = prefix(length: message.count)
        out.append(p.0)
        out.append(p.1)
        out.append(p.2)
        out.append(p.3)
        out.append(p.4)
        out.append(contentsOf: message)
        return out
    }
}
