/// One entry of a message's ``FieldTable``: a field number, its proto name, a key path into the
/// Swift struct, and how to encode it.
///
/// Build fields with the static factories, which read like the `.proto` line they mirror:
///
/// ```swift
/// .string(1, "service", \.service)                              // string service = 1;
/// .optional(2, "nickname", \.nickname, .string)                 // optional string nickname = 2;
/// .repeated(3, "scores", \.scores, .sint32)                     // repeated sint32 scores = 3;
/// .enum(4, "status", \.status)                                  // ServingStatus status = 4;
/// .message(5, "payload", \.payload)                             // Payload payload = 5;
/// .map(6, "counts", \.counts, key: .string, value: .int32)      // map<string, int32> counts = 6;
/// .oneof(7, "name", \.choice, in: "choice", .string, Choice.name) { if case .name(let v) = $0 { v } else { nil } }
/// ```
///
/// A `Field` is immutable and `Sendable` (a final class, so iterating a table copies no closures).
public final class Field<M: Message>: Sendable {
    /// What the field is, for reflection and descriptor checks.
    public let descriptor: FieldDescriptor
    let number: UInt32
    /// The wire type the field is written with.
    let wireType: WireType
    /// Whether a length-delimited record is also accepted (packed repeated scalars).
    let acceptsPacked: Bool
    let encode: @Sendable (M, inout BinaryEncoder) -> Void
    /// Reads one record of the field, whose tag (with `wireType`) has been read and checked.
    let decode: @Sendable (inout M, inout BinaryDecoder, WireType) throws -> Void
    /// Writes `"jsonName":value` if the field is present (non-default, or set when it has presence).
    let writeJSON: @Sendable (M, inout JSONWriter) -> Void
    /// Sets the field from a non-null JSON value.
    let readJSON: @Sendable (inout M, JSONValue) throws -> Void

    init(
        descriptor: FieldDescriptor, wireType: WireType, acceptsPacked: Bool = false,
        encode: @escaping @Sendable (M, inout BinaryEncoder) -> Void,
        decode: @escaping @Sendable (inout M, inout BinaryDecoder, WireType) throws -> Void,
        writeJSON: @escaping @Sendable (M, inout JSONWriter) -> Void,
        readJSON: @escaping @Sendable (inout M, JSONValue) throws -> Void
    ) {
        precondition(
            descriptor.number >= 1 && descriptor.number <= Int(WireFormat.maximumFieldNumber)
                && !(19000...19999).contains(descriptor.number),
            "\(M.protoMessageName).\(descriptor.name): invalid field number \(descriptor.number)")
        self.descriptor = descriptor
        self.number = UInt32(descriptor.number)
        self.wireType = wireType
        self.acceptsPacked = acceptsPacked
        self.encode = encode
        self.decode = decode
        self.writeJSON = writeJSON
        self.readJSON = readJSON
    }
}

/// How many values a field holds and whether it tracks presence.
public enum FieldLabel: String, Sendable, Hashable {
    /// A proto3 field without presence: the default value is not encoded.
    case singular
    /// A proto3 `optional` field: explicit presence, stored as a Swift optional.
    case optional
    /// A `repeated` field, or a map (which is a repeated entry message on the wire).
    case repeated
}

/// A reflection view of one field, comparable with a `.proto` descriptor.
public struct FieldDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// The field number.
    public let number: Int
    /// The name as written in the `.proto` (snake_case).
    public let name: String
    /// The proto3 JSON name (lowerCamelCase unless overridden with `json:`).
    public let jsonName: String
    /// The proto type; `.map` for maps.
    public let kind: FieldKind
    public let label: FieldLabel
    /// The fully qualified name of the message or enum type (for maps, of the value type).
    public let typeName: String?
    /// The name of the enclosing `oneof`, if any.
    public let oneof: String?
    /// For maps, the key type.
    public let mapKey: FieldKind?
    /// For maps, the value type.
    public let mapValue: FieldKind?
    /// Whether a repeated scalar field is encoded packed.
    public let isPacked: Bool

    init(
        number: Int, name: String, jsonName: String?, kind: FieldKind, label: FieldLabel,
        typeName: String?, oneof: String? = nil, mapKey: FieldKind? = nil, mapValue: FieldKind? = nil,
        isPacked: Bool = false
    ) {
        self.number = number
        self.name = name
        self.jsonName = jsonName ?? FieldDescriptor.jsonName(for: name)
        self.kind = kind
        self.label = label
        self.typeName = typeName
        self.oneof = oneof
        self.mapKey = mapKey
        self.mapValue = mapValue
        self.isPacked = isPacked
    }

    public var description: String {
        var text = "\(label) \(kind == .map ? "map<\(mapKey?.rawValue ?? "?"), \(mapValue?.rawValue ?? "?")>" : kind.rawValue)"
        if let typeName { text += " (\(typeName))" }
        text += " \(name) = \(number)"
        if let oneof { text += " [oneof \(oneof)]" }
        if isPacked { text += " [packed]" }
        return text
    }

    /// The JSON name protoc derives from a field name: underscores dropped, the next letter
    /// upper-cased (`fill_oauth_scope` becomes `fillOauthScope`).
    public static func jsonName(for protoName: String) -> String {
        var result = ""
        var capitalizeNext = false
        for character in protoName {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
