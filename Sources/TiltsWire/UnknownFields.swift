/// The fields of a decoded message that its field table does not declare, kept as raw bytes.
///
/// Decoding appends each unknown field (tag and value, exactly as received) here, and encoding
/// re-emits them after the known fields, so a message passes through a service that has an older
/// schema without losing data. Unknown fields have no JSON form and are dropped by
/// ``Message/jsonString()``.
///
/// A value type; safe to use from any thread.
public struct UnknownFields: Sendable, Hashable {
    /// The concatenated wire-format bytes of the unknown fields, in arrival order.
    public private(set) var data: [UInt8]

    /// Creates an empty set.
    public init() { data = [] }

    /// Creates a set from already-encoded fields.
    ///
    /// - Parameter data: complete fields (tag followed by value). The bytes are not validated here;
    ///   they are re-emitted verbatim on encode.
    public init(data: [UInt8]) { self.data = data }

    /// Whether no unknown field was kept.
    public var isEmpty: Bool { data.isEmpty }

    /// Appends one already-encoded field.
    public mutating func append(_ encodedField: some Collection<UInt8>) {
        data.append(contentsOf: encodedField)
    }

    /// Adds a varint field, e.g. to build test input from a newer schema.
    public mutating func appendVarint(fieldNumber: Int, value: UInt64) {
        var encoder = BinaryEncoder(capacity: 16)
        encoder.writeTag(UInt32(fieldNumber), .varint)
        encoder.writeVarint(value)
        data.append(contentsOf: encoder.bytes)
    }

    /// Adds a length-delimited field.
    public mutating func appendLengthDelimited(fieldNumber: Int, value: [UInt8]) {
        var encoder = BinaryEncoder(capacity: value.count + 8)
        encoder.writeTag(UInt32(fieldNumber), .lengthDelimited)
        encoder.writeLengthDelimited(value)
        data.append(contentsOf: encoder.bytes)
    }
}
