// Map fields.

extension Field {
    /// A `map<K, V>` field stored as a Swift dictionary, e.g.
    /// `map<string, int32> rpcs_by_peer = 1;` is `.map(1, "rpcs_by_peer", \.rpcsByPeer, key: .string, value: .int32)`.
    ///
    /// On the wire each entry is a nested message with the key as field 1 and the value as field 2;
    /// both are always written. Entries are written in key order (numeric, or UTF-8 byte order for
    /// strings), so encoding is deterministic. Decoding tolerates missing keys or values (they take
    /// their defaults), repeated keys (the last wins) and unknown fields inside an entry (dropped).
    /// In JSON the map is an object whose member names are the keys as strings.
    ///
    /// `key` must be an integer, `bool` or `string` type; anything else is a programming error.
    public static func map<K: Hashable, V>(
        _ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, [K: V]>,
        key: ProtoType<K>, value: ProtoType<V>, json: String? = nil
    ) -> Field {
        guard let keyRules = key.mapKey else {
            preconditionFailure("\(M.protoMessageName).\(name): \(key.kind) cannot be a map key")
        }
        let descriptor = FieldDescriptor(
            number: number, name: name, jsonName: json, kind: .map, label: .repeated,
            typeName: value.typeName, mapKey: key.kind, mapValue: value.kind)
        let tag = UInt32(number)
        let jsonKey = descriptor.jsonName
        return Field(
            descriptor: descriptor, wireType: .lengthDelimited,
            encode: { message, encoder in
                let map = message[keyPath: keyPath]
                guard !map.isEmpty else { return }
                for entryKey in map.keys.sorted(by: keyRules.less) {
                    guard let entryValue = map[entryKey] else { continue }
                    encoder.writeTag(tag, .lengthDelimited)
                    encoder.writeNested { entry in
                        key.write(1, entryKey, &entry)
                        value.write(2, entryValue, &entry)
                    }
                }
            },
            decode: { message, decoder, _ in
                let range = try decoder.readLengthDelimited()
                var entry = try decoder.nested(range)
                var entryKey = key.defaultValue
                var entryValue = value.defaultValue
                while !entry.isAtEnd {
                    let start = entry.position
                    let (fieldNumber, wireType) = try entry.readTag()
                    switch fieldNumber {
                    case 1:
                        guard wireType == key.wireType else { throw entry.error(.wrongWireType, "map key with wire type \(wireType.rawValue)", at: start) }
                        try key.decodeInto(&entryKey, &entry)
                    case 2:
                        guard wireType == value.wireType else { throw entry.error(.wrongWireType, "map value with wire type \(wireType.rawValue)", at: start) }
                        try value.decodeInto(&entryValue, &entry)
                    default:
                        try entry.skip(wireType)
                    }
                }
                message[keyPath: keyPath][entryKey] = entryValue
            },
            writeJSON: { message, writer in
                let map = message[keyPath: keyPath]
                guard !map.isEmpty else { return }
                writer.key(jsonKey)
                writer.beginObject()
                for entryKey in map.keys.sorted(by: keyRules.less) {
                    guard let entryValue = map[entryKey] else { continue }
                    writer.key(keyRules.jsonKey(entryKey))
                    value.writeJSON(entryValue, &writer)
                }
                writer.endObject()
            },
            readJSON: { message, json in
                guard case .object(let members) = json else {
                    throw WireError(code: .invalidJSONValue, message: "expected an object for a map, got \(json.kindName)")
                }
                var map: [K: V] = [:]
                map.reserveCapacity(members.count)
                for (name, memberValue) in members {
                    if case .null = memberValue {
                        throw WireError(code: .invalidJSONValue, message: "map value for \"\(name)\" is null")
                    }
                    map[try keyRules.parseJSONKey(name)] = try value.readJSON(memberValue)
                }
                message[keyPath: keyPath] = map
            })
    }
}
