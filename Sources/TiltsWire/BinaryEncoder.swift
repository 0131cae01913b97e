/// Appends protobuf binary data to one growing byte array.
///
/// Nested messages, packed fields and map entries are written in place: a one-byte length
/// placeholder is reserved, the body is appended, and the placeholder is widened afterwards if
/// the body turned out longer than 127 bytes. No per-field buffers are allocated.
struct BinaryEncoder {
    var bytes: [UInt8]

    init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func writeVarint(_ value: UInt64) {
        Varint.append(value, to: &bytes)
    }

    @inline(__always)
    mutating func writeTag(_ number: UInt32, _ wireType: WireType) {
        Varint.append(WireFormat.tag(number, wireType), to: &bytes)
    }

    @inline(__always)
    mutating func writeFixed32(_ value: UInt32) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func writeFixed64(_ value: UInt64) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
    }

    /// Writes a length prefix followed by `body`.
    mutating func writeLengthDelimited<C: Collection>(_ body: C) where C.Element == UInt8 {
        writeVarint(UInt64(body.count))
        bytes.append(contentsOf: body)
    }

    /// Writes a length-delimited value whose body is produced by `body`.
    ///
    /// The length prefix is patched after the body is written, widening it in place when needed.
    mutating func writeNested(_ body: (inout BinaryEncoder) -> Void) {
        let prefixIndex = bytes.count
        bytes.append(0)
        let bodyStart = bytes.count
        body(&self)
        let length = UInt64(bytes.count - bodyStart)
        let width = Varint.size(length)
        if width > 1 {
            bytes.insert(contentsOf: repeatElement(0, count: width - 1), at: bodyStart)
        }
        Varint.write(length, width: width, into: &bytes, at: prefixIndex)
    }

    /// Appends raw, already-encoded bytes (unknown fields).
    mutating func writeRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }
}
