// Singular fields: proto3 implicit presence, `optional`, and nested messages.

extension Field {
    /// A proto3 field without presence, e.g. `int32 size = 1;`.
    ///
    /// The default value (zero, empty, `false`, enum 0) is not encoded and not printed in JSON.
    /// Prefer the shorthands such as ``string(_:_:_:json:)``; use this form for `.enum` or any
    /// ``ProtoType`` value.
    public static func singular<V>(
        _ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, V>, _ type: ProtoType<V>, json: String? = nil
    ) -> Field {
        let descriptor = FieldDescriptor(
            number: number, name: name, jsonName: json, kind: type.kind, label: .singular, typeName: type.typeName)
        let tag = UInt32(number)
        let key = descriptor.jsonName
        return Field(
            descriptor: descriptor, wireType: type.wireType,
            encode: { message, encoder in
                let value = message[keyPath: keyPath]
                if !type.isDefault(value) { type.write(tag, value, &encoder) }
            },
            decode: { message, decoder, _ in try type.decodeInto(&message[keyPath: keyPath], &decoder) },
            writeJSON: { message, writer in
                let value = message[keyPath: keyPath]
                if !type.isDefault(value) {
                    writer.key(key)
                    type.writeJSON(value, &writer)
                }
            },
            readJSON: { message, json in message[keyPath: keyPath] = try type.readJSON(json) })
    }

    /// A proto3 `optional` field (explicit presence), stored as a Swift optional:
    /// `optional string nickname = 2;` is `.optional(2, "nickname", \.nickname, .string)`.
    ///
    /// A non-nil value is encoded and printed even when it equals the default.
    public static func optional<V>(
        _ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, V?>, _ type: ProtoType<V>, json: String? = nil
    ) -> Field {
        let descriptor = FieldDescriptor(
            number: number, name: name, jsonName: json, kind: type.kind, label: .optional, typeName: type.typeName)
        return present(descriptor, keyPath, type)
    }

    /// A nested message field, e.g. `Payload payload = 3;` with `var payload: Payload?`.
    ///
    /// Message fields always have presence: `nil` is absent, a value is encoded even when empty.
    public static func message<S: Message>(
        _ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, S?>, json: String? = nil
    ) -> Field {
        let type = ProtoType<S>.message
        let descriptor = FieldDescriptor(
            number: number, name: name, jsonName: json, kind: .message, label: .singular, typeName: type.typeName)
        return present(descriptor, keyPath, type)
    }

    /// An enum field without presence, e.g. `ServingStatus status = 1;`.
    public static func `enum`<E: ProtoEnum>(
        _ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, E>, json: String? = nil
    ) -> Field {
        singular(number, name, keyPath, .enum, json: json)
    }

    /// A field whose presence is a Swift optional (proto3 `optional`, or a message).
    private static func present<V>(
        _ descriptor: FieldDescriptor, _ keyPath: WritableKeyPath<M, V?>, _ type: ProtoType<V>
    ) -> Field {
        let tag = UInt32(descriptor.number)
        let key = descriptor.jsonName
        return Field(
            descriptor: descriptor, wireType: type.wireType,
            encode: { message, encoder in
                if let value = message[keyPath: keyPath] { type.write(tag, value, &encoder) }
            },
            decode: { message, decoder, _ in
                var value = message[keyPath: keyPath] ?? type.defaultValue
                try type.decodeInto(&value, &decoder)
                message[keyPath: keyPath] = value
            },
            writeJSON: { message, writer in
                if let value = message[keyPath: keyPath] {
                    writer.key(key)
                    type.writeJSON(value, &writer)
                }
            },
            readJSON: { message, json in message[keyPath: keyPath] = try type.readJSON(json) })
    }
}
