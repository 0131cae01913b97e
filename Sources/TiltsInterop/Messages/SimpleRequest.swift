public import TiltsWire

/// `grpc.testing.SimpleRequest`: the request of `UnaryCall` and `CacheableUnaryCall`.
public struct SimpleRequest: Message {
    /// Desired payload type in the response.
    public var responseType: PayloadType = .compressable
    /// Desired payload size in the response.
    public var responseSize: Int32 = 0
    /// Input payload sent along with the request.
    public var payload: Payload?
    /// Whether SimpleResponse should include the username.
    public var fillUsername: Bool = false
    /// Whether SimpleResponse should include the OAuth scope.
    public var fillOauthScope: Bool = false
    /// Whether the server should compress the response.
    public var responseCompressed: BoolValue?
    /// A status the server should return.
    public var responseStatus: EchoStatus?
    /// Whether the server should expect this request to be compressed.
    public var expectCompressed: BoolValue?
    /// Whether SimpleResponse should include the server id.
    public var fillServerID: Bool = false
    /// Whether SimpleResponse should include the gRPCLB route type.
    public var fillGrpclbRouteType: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "grpc.testing.SimpleRequest"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "response_type", \.responseType),
        .int32(2, "response_size", \.responseSize),
        .message(3, "payload", \.payload),
        .bool(4, "fill_username", \.fillUsername),
        .bool(5, "fill_oauth_scope", \.fillOauthScope),
        .message(6, "response_compressed", \.responseCompressed),
        .message(7, "response_status", \.responseStatus),
        .message(8, "expect_compressed", \.expectCompressed),
        .bool(9, "fill_server_id", \.fillServerID),
        .bool(10, "fill_grpclb_route_type", \.fillGrpclbRouteType),
    ])
}
