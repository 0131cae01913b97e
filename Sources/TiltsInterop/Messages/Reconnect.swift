public import TiltsWire

/// `grpc.testing.ReconnectParams`: the backoff a client used (ReconnectService).
public struct ReconnectParams: Message {
    public var maxReconnectBackoffMs: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "grpc.testing.ReconnectParams"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "max_reconnect_backoff_ms", \.maxReconnectBackoffMs),
    ])
}

/// `grpc.testing.ReconnectInfo`: whether reconnects followed the spec, and the backoffs seen.
public struct ReconnectInfo: Message {
    public var passed: Bool = false
    public var backoffMs: [Int32] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "grpc.testing.ReconnectInfo"
    public static let fieldTable = FieldTable<Self>([
        .bool(1, "passed", \.passed),
        .repeated(2, "backoff_ms", \.backoffMs, .int32),
    ])
}
