public import TiltsWire

/// `grpc.testing.PayloadType`: the kind of payload the server should return.
public struct PayloadType: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Compressable text format.
    public static let compressable = Self(rawValue: 0)

    public static let protoEnumName = "grpc.testing.PayloadType"
    public static let nameTable: [(Int32, String)] = [(0, "COMPRESSABLE")]
}

/// `grpc.testing.Payload`: a block of data that makes a message larger.
public struct Payload: Message {
    public var type: PayloadType = .compressable
    public var body: [UInt8] = []
    public var unknownFields = UnknownFields()

    public init() {}
    public init(type: PayloadType = .compressable, body: [UInt8]) {
        self.type = type
        self.body = body
    }

    public static let protoMessageName = "grpc.testing.Payload"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "type", \.type),
        .bytes(2, "body", \.body),
    ])
}
