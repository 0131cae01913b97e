// Repeated fields.

extension Field {
    /// A `repeated` field stored as a Swift array, e.g.
    /// `repeated ResponseParameters response_parameters = 2;` is
    /// `.repeated(2, "response_parameters", \.responseParameters, .message)`.
    ///
    /// Numeric, bool and enum elements are encoded packed (one length-delimited record), as
    /// proto3 does by default; pass `packed: false` for a field declared `[packed = false]`.
    /// Decoding accepts both packed and unpacked records for those types. Strings, bytes and
    /// messages are one record per element. An empty array is not encoded.
    public static func repeated<V>(
        _ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, [V]>, _ type: ProtoType<V>,
        packed: Bool = true, json: String? = nil
    ) -> Field {
        let isPacked = packed && type.isPackable
        let descriptor = FieldDescriptor(
            number: number, name: name, jsonName: json, kind: type.kind, label: .repeated,
            typeName: type.typeName, isPacked: isPacked)
        let tag = UInt32(number)
        let key = descriptor.jsonName

        let encode: @Sendable (M, inout BinaryEncoder) -> Void
        if isPacked {
            encode = { message, encoder in
                let values = message[keyPath: keyPath]
                guard !values.isEmpty else { return }
                encoder.writeTag(tag, .lengthDelimited)
                encoder.writeNested { type.encodePacked(values, &$0) }
            }
        } else {
            encode = { message, encoder in type.encodeEach(tag, message[keyPath: keyPath], &encoder) }
        }

        return Field(
            descriptor: descriptor, wireType: type.wireType, acceptsPacked: type.isPackable,
            encode: encode,
            decode: { message, decoder, wireType in
                if wireType == .lengthDelimited && type.isPackable {
                    let range = try decoder.readLengthDelimited()
                    var elements = decoder.slice(range)
                    try type.decodePacked(&message[keyPath: keyPath], &elements)
                } else {
                    let value = try type.decode(&decoder)
                    message[keyPath: keyPath].append(value)
                }
            },
            writeJSON: { message, writer in
                let values = message[keyPath: keyPath]
                guard !values.isEmpty else { return }
                writer.key(key)
                writer.beginArray()
                for value in values { type.writeJSON(value, &writer) }
                writer.endArray()
            },
            readJSON: { message, json in
                guard case .array(let elements) = json else {
                    throw WireError(code: .invalidJSONValue, message: "expected an array, got \(json.kindName)")
                }
                var values: [V] = []
                values.reserveCapacity(elements.count)
                for element in elements {
                    if case .null = element {
                        throw WireError(code: .invalidJSONValue, message: "null is not allowed in a repeated field")
                    }
                    values.append(try type.readJSON(element))
                }
                message[keyPath: keyPath] = values
            })
    }
}
