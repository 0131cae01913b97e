public import TiltsWire

/// `grpc.testing.StreamingInputCallRequest`: one message of the `StreamingInputCall` upload.
public struct StreamingInputCallRequest: Message {
    public var payload: Payload?
    /// Whether the server should expect this request to be compressed.
    public var expectCompressed: BoolValue?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "grpc.testing.StreamingInputCallRequest"
    public static let fieldTable = FieldTable<Self>([
        .message(1, "payload", \.payload),
        .message(2, "expect_compressed", \.expectCompressed),
    ])
}

/// `grpc.testing.StreamingInputCallResponse`: the aggregated size of an upload.
public struct StreamingInputCallResponse: Message {
    public var aggregatedPayloadSize: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}
    public init(aggregatedPayloadSize: Int32) { self.aggregatedPayloadSize = aggregatedPayloadSize }

    public static let protoMessageName = "grpc.testing.StreamingInputCallResponse"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "aggregated_payload_size", \.aggregatedPayloadSize),
    ])
}
