public import TiltsWire

/// `grpc.testing.Empty`: the argument and result of calls that carry no data.
public struct Empty: Message {
    public var unknownFields = UnknownFields()
    public init() {}
    public static let protoMessageName = "grpc.testing.Empty"
    public static let fieldTable = FieldTable<Self>([])
}
