public import TiltsWire

/// `grpc.testing.ResponseParameters`: the size, delay and compression of one streamed response.
public struct ResponseParameters: Message {
    public var size: Int32 = 0
    /// Delay before this response, in microseconds.
    public var intervalUs: Int32 = 0
    public var compressed: BoolValue?
    public var unknownFields = UnknownFields()

    public init() {}
    public init(size: Int32, intervalUs: Int32 = 0) {
        self.size = size
        self.intervalUs = intervalUs
    }

    public static let protoMessageName = "grpc.testing.ResponseParameters"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "size", \.size),
        .int32(2, "interval_us", \.intervalUs),
        .message(3, "compressed", \.compressed),
    ])
}

/// `grpc.testing.StreamingOutputCallRequest`: the request of the streaming-output and duplex calls.
public struct StreamingOutputCallRequest: Message {
    public var responseType: PayloadType = .compressable
    /// One entry per response the server should send.
    public var responseParameters: [ResponseParameters] = []
    public var payload: Payload?
    /// A status the server should return.
    public var responseStatus: EchoStatus?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "grpc.testing.StreamingOutputCallRequest"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "response_type", \.responseType),
        .repeated(2, "response_parameters", \.responseParameters, .message),
        .message(3, "payload", \.payload),
        .message(7, "response_status", \.responseStatus),
    ])
}

/// `grpc.testing.StreamingOutputCallResponse`: one message of a streamed response.
public struct StreamingOutputCallResponse: Message {
    public var payload: Payload?
    public var unknownFields = UnknownFields()

    public init() {}
    public init(payload: Payload) { self.payload = payload }

    public static let protoMessageName = "grpc.testing.StreamingOutputCallResponse"
    public static let fieldTable = FieldTable<Self>([
        .message(1, "payload", \.payload),
    ])
}
