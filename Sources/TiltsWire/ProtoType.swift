/// How one value of a proto field type is encoded in binary and JSON.
///
/// `ProtoType` is the vocabulary of the field-table DSL: each scalar kind (`.int32`, `.sint64`,
/// `.fixed32`, `.string`, …), `.enum` and `.message` is a `ProtoType`, and ``Field`` factories
/// combine one with a key path and a label (singular, optional, repeated, map, oneof):
///
/// ```swift
/// .repeated(2, "backoff_ms", \.backoffMs, .int32)
/// .map(3, "rpcs_by_method", \.rpcsByMethod, key: .string, value: .message)
/// ```
///
/// Values are built once when a type's `fieldTable` is first used and are immutable afterwards;
/// they are `Sendable` and safe to use from any thread.
public struct ProtoType<Value: Sendable>: Sendable {
    let kind: FieldKind
    let wireType: WireType
    let defaultValue: Value
    /// The fully qualified proto name of a message or enum type; `nil` for scalars.
    let typeName: String?
    /// Whether proto3 leaves `value` off the wire for a field without presence.
    let isDefault: @Sendable (Value) -> Bool
    /// Appends the value (without a tag).
    let encode: @Sendable (Value, inout BinaryEncoder) -> Void
    /// Reads one value into `value`; messages merge into it, scalars replace it.
    let decodeInto: @Sendable (inout Value, inout BinaryDecoder) throws -> Void
    let writeJSON: @Sendable (Value, inout JSONWriter) -> Void
    let readJSON: @Sendable (JSONValue) throws -> Value
    /// Present for types that may be map keys.
    let mapKey: MapKeyRules<Value>?
    /// Appends every value of a packed record (the loop lives here so it is specialized per type).
    let decodePacked: @Sendable (inout [Value], inout BinaryDecoder) throws -> Void
    /// Writes the bodies of `values` back to back (a packed record's contents, or nothing for
    /// length-delimited types).
    let encodePacked: @Sendable ([Value], inout BinaryEncoder) -> Void
    /// Writes each value with its own tag (an unpacked repeated field).
    let encodeEach: @Sendable (UInt32, [Value], inout BinaryEncoder) -> Void

    /// Whether a repeated field of this type may use packed encoding.
    var isPackable: Bool { wireType != .lengthDelimited }

    init(
        kind: FieldKind, wireType: WireType, defaultValue: Value, typeName: String? = nil,
        isDefault: @escaping @Sendable (Value) -> Bool,
        encode: @escaping @Sendable (Value, inout BinaryEncoder) -> Void,
        decodeInto: @escaping @Sendable (inout Value, inout BinaryDecoder) throws -> Void,
        writeJSON: @escaping @Sendable (Value, inout JSONWriter) -> Void,
        readJSON: @escaping @Sendable (JSONValue) throws -> Value,
        mapKey: MapKeyRules<Value>? = nil
    ) {
        self.kind = kind
        self.wireType = wireType
        self.defaultValue = defaultValue
        self.typeName = typeName
        self.isDefault = isDefault
        self.encode = encode
        self.decodeInto = decodeInto
        self.writeJSON = writeJSON
        self.readJSON = readJSON
        self.mapKey = mapKey
        decodePacked = { values, decoder in
            while !decoder.isAtEnd {
                var value = defaultValue
                try decodeInto(&value, &decoder)
                values.append(value)
            }
        }
        encodePacked = { values, encoder in
            for value in values { encode(value, &encoder) }
        }
        encodeEach = { number, values, encoder in
            for value in values {
                encoder.writeTag(number, wireType)
                encode(value, &encoder)
            }
        }
    }

    /// Reads one value.
    func decode(_ decoder: inout BinaryDecoder) throws -> Value {
        var value = defaultValue
        try decodeInto(&value, &decoder)
        return value
    }

    /// Writes a tag for `number` followed by the value.
    @inline(__always)
    func write(_ number: UInt32, _ value: Value, _ encoder: inout BinaryEncoder) {
        encoder.writeTag(number, wireType)
        encode(value, &encoder)
    }
}

/// What a map key type adds: a deterministic order and the JSON object-key form.
struct MapKeyRules<Key>: Sendable {
    /// Orders keys for deterministic encoding (numeric order; strings by UTF-8 bytes).
    let less: @Sendable (Key, Key) -> Bool
    let jsonKey: @Sendable (Key) -> String
    let parseJSONKey: @Sendable (String) throws -> Key
}

/// The proto type of a field, as descriptors name it (`TYPE_INT32` is `.int32`).
public enum FieldKind: String, Sendable, Hashable, CaseIterable {
    case int32, int64, uint32, uint64, sint32, sint64
    case fixed32, fixed64, sfixed32, sfixed64
    case float, double, bool, string, bytes
    case `enum`, message
    /// A `map<K, V>` field; see ``FieldDescriptor/mapKey`` and ``FieldDescriptor/mapValue``.
    case map
}
