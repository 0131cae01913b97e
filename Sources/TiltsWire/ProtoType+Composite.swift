// Enum and message field types.

extension ProtoType where Value: ProtoEnum {
    /// An open enum: varint on the wire (sign-extended like `int32`); by name in JSON, or by
    /// number when this build does not know the value. JSON input accepts names and numbers.
    public static var `enum`: Self {
        ProtoType(
            kind: .enum, wireType: .varint, defaultValue: Value(rawValue: 0),
            typeName: Value.protoEnumName,
            isDefault: { $0.rawValue == 0 },
            encode: { value, encoder in encoder.writeVarint(UInt64(bitPattern: Int64(value.rawValue))) },
            decodeInto: { value, decoder in value = Value(rawValue: Int32(truncatingIfNeeded: try decoder.readVarint())) },
            writeJSON: { value, writer in
                if let name = value.protoName { writer.string(name) } else { writer.literal(String(value.rawValue)) }
            },
            readJSON: { json in
                switch json {
                case .string(let name):
                    guard let value = Value(protoName: name) else {
                        throw WireError(code: .invalidJSONValue, message: "\"\(name)\" is not a value of \(Value.self)")
                    }
                    return value
                case .number:
                    return Value(rawValue: try JSONNumbers.integer(json))
                default:
                    throw WireError(code: .invalidJSONValue, message: "expected an enum name or number, got \(json.kindName)")
                }
            })
    }
}

extension ProtoType where Value: Message {
    /// A nested message: length-delimited. Decoding a field that repeats merges into the value
    /// already there, as protobuf specifies. Nesting deeper than 100 throws `nestingTooDeep`.
    public static var message: Self {
        ProtoType(
            kind: .message, wireType: .lengthDelimited, defaultValue: Value(),
            typeName: Value.protoMessageName,
            isDefault: { _ in false },
            encode: { value, encoder in
                encoder.writeNested { Value.fieldTable.encode(value, into: &$0) }
            },
            decodeInto: { value, decoder in
                let range = try decoder.readLengthDelimited()
                var nested = try decoder.nested(range)
                try Value.fieldTable.decode(into: &value, from: &nested)
            },
            writeJSON: { value, writer in Value.fieldTable.writeJSON(value, to: &writer) },
            readJSON: { try Value.fieldTable.readJSON($0) })
    }
}
