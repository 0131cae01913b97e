// The fifteen proto3 scalar types.

extension ProtoType where Value: FixedWidthInteger {
    /// Builds an integer type from its wire conversion. 64-bit kinds are quoted in JSON.
    static func integer(
        _ kind: FieldKind, _ wireType: WireType,
        toWire: @escaping @Sendable (Value) -> UInt64,
        fromWire: @escaping @Sendable (UInt64) -> Value
    ) -> ProtoType {
        let encode: @Sendable (Value, inout BinaryEncoder) -> Void
        let decodeInto: @Sendable (inout Value, inout BinaryDecoder) throws -> Void
        switch wireType {
        case .fixed32:
            encode = { value, encoder in encoder.writeFixed32(UInt32(truncatingIfNeeded: toWire(value))) }
            decodeInto = { value, decoder in value = fromWire(UInt64(try decoder.readFixed32())) }
        case .fixed64:
            encode = { value, encoder in encoder.writeFixed64(toWire(value)) }
            decodeInto = { value, decoder in value = fromWire(try decoder.readFixed64()) }
        default:
            encode = { value, encoder in encoder.writeVarint(toWire(value)) }
            decodeInto = { value, decoder in value = fromWire(try decoder.readVarint()) }
        }
        let quoted = Value.bitWidth == 64
        return ProtoType(
            kind: kind, wireType: wireType, defaultValue: 0,
            isDefault: { $0 == 0 },
            encode: encode,
            decodeInto: decodeInto,
            writeJSON: { value, writer in quoted ? writer.string(String(value)) : writer.literal(String(value)) },
            readJSON: { try JSONNumbers.integer($0) },
            mapKey: MapKeyRules(
                less: { $0 < $1 },
                jsonKey: { String($0) },
                parseJSONKey: { key in
                    guard let value = Value(key, radix: 10) else {
                        throw WireError(code: .invalidJSONValue, message: "map key \"\(key)\" is not a valid \(kind)")
                    }
                    return value
                })
        )
    }
}

extension ProtoType where Value == Int32 {
    /// `int32`: varint, negative values sign-extended to 10 bytes.
    public static var int32: Self {
        .integer(.int32, .varint, toWire: { UInt64(bitPattern: Int64($0)) }, fromWire: { Int32(truncatingIfNeeded: $0) })
    }
    /// `sint32`: ZigZag varint.
    public static var sint32: Self {
        .integer(.sint32, .varint, toWire: { UInt64(WireFormat.zigZag($0)) },
                 fromWire: { WireFormat.unZigZag(UInt32(truncatingIfNeeded: $0)) })
    }
    /// `sfixed32`: four little-endian bytes.
    public static var sfixed32: Self {
        .integer(.sfixed32, .fixed32, toWire: { UInt64(UInt32(bitPattern: $0)) },
                 fromWire: { Int32(bitPattern: UInt32(truncatingIfNeeded: $0)) })
    }
}

extension ProtoType where Value == Int64 {
    /// `int64`: varint; a JSON string.
    public static var int64: Self {
        .integer(.int64, .varint, toWire: { UInt64(bitPattern: $0) }, fromWire: { Int64(bitPattern: $0) })
    }
    /// `sint64`: ZigZag varint; a JSON string.
    public static var sint64: Self {
        .integer(.sint64, .varint, toWire: { WireFormat.zigZag($0) }, fromWire: { WireFormat.unZigZag($0) })
    }
    /// `sfixed64`: eight little-endian bytes; a JSON string.
    public static var sfixed64: Self {
        .integer(.sfixed64, .fixed64, toWire: { UInt64(bitPattern: $0) }, fromWire: { Int64(bitPattern: $0) })
    }
}

extension ProtoType where Value == UInt32 {
    /// `uint32`: varint.
    public static var uint32: Self {
        .integer(.uint32, .varint, toWire: { UInt64($0) }, fromWire: { UInt32(truncatingIfNeeded: $0) })
    }
    /// `fixed32`: four little-endian bytes.
    public static var fixed32: Self {
        .integer(.fixed32, .fixed32, toWire: { UInt64($0) }, fromWire: { UInt32(truncatingIfNeeded: $0) })
    }
}

extension ProtoType where Value == UInt64 {
    /// `uint64`: varint; a JSON string.
    public static var uint64: Self {
        .integer(.uint64, .varint, toWire: { $0 }, fromWire: { $0 })
    }
    /// `fixed64`: eight little-endian bytes; a JSON string.
    public static var fixed64: Self {
        .integer(.fixed64, .fixed64, toWire: { $0 }, fromWire: { $0 })
    }
}

extension ProtoType where Value == Float {
    /// `float`: four bytes IEEE 754. `-0.0` counts as set; JSON writes NaN and infinities as strings.
    public static var float: Self {
        ProtoType(
            kind: .float, wireType: .fixed32, defaultValue: 0,
            isDefault: { $0.bitPattern == 0 },
            encode: { value, encoder in encoder.writeFixed32(value.bitPattern) },
            decodeInto: { value, decoder in value = Float(bitPattern: try decoder.readFixed32()) },
            writeJSON: { value, writer in JSONNumbers.write(value, to: &writer) },
            readJSON: { try JSONNumbers.float($0) })
    }
}

extension ProtoType where Value == Double {
    /// `double`: eight bytes IEEE 754. `-0.0` counts as set; JSON writes NaN and infinities as strings.
    public static var double: Self {
        ProtoType(
            kind: .double, wireType: .fixed64, defaultValue: 0,
            isDefault: { $0.bitPattern == 0 },
            encode: { value, encoder in encoder.writeFixed64(value.bitPattern) },
            decodeInto: { value, decoder in value = Double(bitPattern: try decoder.readFixed64()) },
            writeJSON: { value, writer in JSONNumbers.write(value, to: &writer) },
            readJSON: { try JSONNumbers.double($0) })
    }
}

extension ProtoType where Value == Bool {
    /// `bool`: varint 0 or 1 (any non-zero varint decodes as `true`).
    public static var bool: Self {
        ProtoType(
            kind: .bool, wireType: .varint, defaultValue: false,
            isDefault: { !$0 },
            encode: { value, encoder in encoder.writeVarint(value ? 1 : 0) },
            decodeInto: { value, decoder in value = try decoder.readVarint() != 0 },
            writeJSON: { value, writer in writer.literal(value ? "true" : "false") },
            readJSON: { json in
                guard case .bool(let value) = json else {
                    throw WireError(code: .invalidJSONValue, message: "expected a boolean, got \(json.kindName)")
                }
                return value
            },
            mapKey: MapKeyRules(
                less: { !$0 && $1 },
                jsonKey: { $0 ? "true" : "false" },
                parseJSONKey: { key in
                    switch key {
                    case "true": return true
                    case "false": return false
                    default: throw WireError(code: .invalidJSONValue, message: "map key \"\(key)\" is not a bool")
                    }
                }))
    }
}

extension ProtoType where Value == String {
    /// `string`: length-delimited UTF-8, validated on decode.
    public static var string: Self {
        ProtoType(
            kind: .string, wireType: .lengthDelimited, defaultValue: "",
            isDefault: { $0.isEmpty },
            encode: { value, encoder in
                var value = value
                value.withUTF8 { encoder.writeLengthDelimited($0) }
            },
            decodeInto: { value, decoder in value = try decoder.readString() },
            writeJSON: { value, writer in writer.string(value) },
            readJSON: { json in
                guard case .string(let value) = json else {
                    throw WireError(code: .invalidJSONValue, message: "expected a string, got \(json.kindName)")
                }
                return value
            },
            mapKey: MapKeyRules(
                less: { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                jsonKey: { $0 },
                parseJSONKey: { $0 }))
    }
}

extension ProtoType where Value == [UInt8] {
    /// `bytes`: length-delimited; standard base64 in JSON (URL-safe accepted on input).
    public static var bytes: Self {
        ProtoType(
            kind: .bytes, wireType: .lengthDelimited, defaultValue: [],
            isDefault: { $0.isEmpty },
            encode: { value, encoder in encoder.writeLengthDelimited(value) },
            decodeInto: { value, decoder in value = try decoder.readBytes() },
            writeJSON: { value, writer in writer.string(Base64.encode(value)) },
            readJSON: { json in
                guard case .string(let text) = json, let value = Base64.decode(text) else {
                    throw WireError(code: .invalidJSONValue, message: "expected a base64 string, got \(json.kindName)")
                }
                return value
            })
    }
}
