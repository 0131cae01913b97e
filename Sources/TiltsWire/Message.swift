/// A protobuf message: a hand-written Swift struct whose ``fieldTable`` mirrors its `.proto`.
///
/// Conforming types get binary encoding and decoding, proto3 JSON and reflection from the
/// extension methods below; nothing is generated.
///
/// ```swift
/// public struct HealthCheckRequest: Message {
///     public var service: String = ""
///     public var unknownFields = UnknownFields()
///     public init() {}
///     public static let protoMessageName = "grpc.health.v1.HealthCheckRequest"
///     public static let fieldTable = FieldTable<Self>([ .string(1, "service", \.service) ])
/// }
///
/// let bytes = HealthCheckRequest(service: "x").serializedBytes()
/// let back = try HealthCheckRequest(serializedBytes: bytes)
/// ```
///
/// Messages are values; every method here is safe to call from any thread.
public protocol Message: Sendable, Equatable {
    /// Creates a message with every field at its default.
    init()
    /// Fully qualified proto name, e.g. "grpc.health.v1.HealthCheckRequest".
    static var protoMessageName: String { get }
    /// The fields of this type; declare it as a `static let` so it is built once.
    static var fieldTable: FieldTable<Self> { get }
    /// Fields received that the table does not declare; re-emitted on encode.
    var unknownFields: UnknownFields { get set }
}

extension Message {
    /// Decodes a message from protobuf binary data.
    ///
    /// - Throws: ``WireError`` for truncated or malformed input, a known field with the wrong wire
    ///   type, nesting deeper than 100, invalid UTF-8 in a string, field number 0 or groups.
    public init(serializedBytes: [UInt8]) throws {
        self.init()
        try merge(serializedBytes: serializedBytes)
    }

    /// Decodes protobuf binary data into this message, as if appended to its own encoding:
    /// scalars are replaced, repeated fields appended, messages merged.
    ///
    /// - Throws: ``WireError``; the message may then be partly updated.
    public mutating func merge(serializedBytes: [UInt8]) throws {
        var decoder = BinaryDecoder(bytes: serializedBytes)
        try Self.fieldTable.decode(into: &self, from: &decoder)
    }

    /// Encodes the message as protobuf binary data.
    ///
    /// Fields are written in number order, defaults of fields without presence are skipped,
    /// repeated scalars are packed, map entries are sorted by key, and unknown fields follow
    /// verbatim; the output is deterministic.
    public func serializedBytes() -> [UInt8] {
        var encoder = BinaryEncoder()
        Self.fieldTable.encode(self, into: &encoder)
        return encoder.bytes
    }

    /// Encodes the message as compact proto3 JSON (lowerCamelCase names, 64-bit integers as
    /// strings, bytes as base64, enums by name, default values omitted).
    public func jsonString() -> String {
        var writer = JSONWriter()
        Self.fieldTable.writeJSON(self, to: &writer)
        return writer.text
    }

    /// Decodes a message from proto3 JSON. Member names may be JSON names or proto names.
    ///
    /// - Throws: ``WireError`` for malformed JSON, unknown fields, values of the wrong type or
    ///   out of range, a field given twice, or two members of one oneof.
    public init(jsonString: String) throws {
        self = try Self.fieldTable.readJSON(try JSONParser.parse(jsonString))
    }

    /// The fields of this type in number order, for reflection and descriptor checks.
    public static var fieldDescriptors: [FieldDescriptor] { fieldTable.descriptors }
}
