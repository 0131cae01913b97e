public import TiltsWire

/// `grpc.testing.BoolValue`: a nullable bool (absent, false or true) for the compression tests.
public struct BoolValue: Message {
    public var value: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}
    public init(_ value: Bool) { self.value = value }

    public static let protoMessageName = "grpc.testing.BoolValue"
    public static let fieldTable = FieldTable<Self>([
        .bool(1, "value", \.value),
    ])
}
