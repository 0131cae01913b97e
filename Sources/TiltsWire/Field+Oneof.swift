// Members of a `oneof`.

extension Field {
    /// One member of a `oneof`, which the Swift struct stores as an optional enum with one case
    /// per member:
    ///
    /// ```swift
    /// // oneof choice { string name = 4; Payload payload = 5; }
    /// public enum Choice: Sendable, Equatable { case name(String), payload(Payload) }
    /// public var choice: Choice?
    ///
    /// .oneof(4, "name", \.choice, in: "choice", .string, Choice.name) { if case .name(let v) = $0 { v } else { nil } },
    /// .oneof(5, "payload", \.choice, in: "choice", .message, Choice.payload) { if case .payload(let v) = $0 { v } else { nil } },
    /// ```
    ///
    /// The active member is encoded and printed even when its value is the default. Decoding a
    /// member replaces whichever member was set (a message member that is already active is merged).
    /// JSON input that sets two members of one oneof is rejected.
    ///
    /// - Parameters:
    ///   - oneof: the `oneof` name in the `.proto`.
    ///   - embed: the enum case constructor, e.g. `Choice.name`. It must be a pure function (it is
    ///     called from any thread); pass the case itself, not a capturing closure.
    ///   - extract: returns the member's value if the enum holds this case, else `nil`.
    public static func oneof<O, V>(
        _ number: Int, _ name: String, _ keyPath: WritableKeyPath<M, O?>, in oneof: String,
        _ type: ProtoType<V>, json: String? = nil,
        _ embed: @escaping (V) -> O,
        extract: @escaping @Sendable (O) -> V?
    ) -> Field {
        let embed = UncheckedSendable(embed)
        let descriptor = FieldDescriptor(
            number: number, name: name, jsonName: json, kind: type.kind, label: .singular,
            typeName: type.typeName, oneof: oneof)
        let tag = UInt32(number)
        let key = descriptor.jsonName
        return Field(
            descriptor: descriptor, wireType: type.wireType,
            encode: { message, encoder in
                if let active = message[keyPath: keyPath], let value = extract(active) {
                    type.write(tag, value, &encoder)
                }
            },
            decode: { message, decoder, _ in
                var value = message[keyPath: keyPath].flatMap(extract) ?? type.defaultValue
                try type.decodeInto(&value, &decoder)
                message[keyPath: keyPath] = embed.value(value)
            },
            writeJSON: { message, writer in
                if let active = message[keyPath: keyPath], let value = extract(active) {
                    writer.key(key)
                    type.writeJSON(value, &writer)
                }
            },
            readJSON: { message, json in message[keyPath: keyPath] = embed.value(try type.readJSON(json)) })
    }
}

/// Carries a value the compiler cannot prove `Sendable` (an enum case constructor).
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
