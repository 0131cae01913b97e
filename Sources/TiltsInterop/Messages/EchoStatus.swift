public import TiltsWire

/// `grpc.testing.EchoStatus`: a status the client asks the server to return.
public struct EchoStatus: Message {
    public var code: Int32 = 0
    public var message: String = ""
    public var unknownFields = UnknownFields()

    public init() {}
    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    public static let protoMessageName = "grpc.testing.EchoStatus"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "code", \.code),
        .string(2, "message", \.message),
    ])
}
