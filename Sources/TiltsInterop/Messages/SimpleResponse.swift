public import TiltsWire

/// `grpc.testing.GrpclbRouteType`: how a client reached the server with respect to gRPCLB.
public struct GrpclbRouteType: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unknown = Self(rawValue: 0)
    public static let fallback = Self(rawValue: 1)
    public static let backend = Self(rawValue: 2)

    public static let protoEnumName = "grpc.testing.GrpclbRouteType"
    public static let nameTable: [(Int32, String)] = [
        (0, "GRPCLB_ROUTE_TYPE_UNKNOWN"), (1, "GRPCLB_ROUTE_TYPE_FALLBACK"), (2, "GRPCLB_ROUTE_TYPE_BACKEND"),
    ]
}

/// `grpc.testing.SimpleResponse`: the response of `UnaryCall` and `CacheableUnaryCall`.
public struct SimpleResponse: Message {
    public var payload: Payload?
    /// The authenticated user, when the request asked for it.
    public var username: String = ""
    /// The OAuth scope, when the request asked for it.
    public var oauthScope: String = ""
    /// Unique per server instance, the same across its RPCs.
    public var serverID: String = ""
    public var grpclbRouteType: GrpclbRouteType = .unknown
    public var hostname: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "grpc.testing.SimpleResponse"
    public static let fieldTable = FieldTable<Self>([
        .message(1, "payload", \.payload),
        .string(2, "username", \.username),
        .string(3, "oauth_scope", \.oauthScope),
        .string(4, "server_id", \.serverID),
        .enum(5, "grpclb_route_type", \.grpclbRouteType),
        .string(6, "hostname", \.hostname),
    ])
}
