public import TiltsWire

/// `grpc.health.v1.HealthCheckResponse`: the serving status of the service asked about.
///
/// Mirrors `Proto/grpc/health/v1/health.proto`. A value type; safe from any thread.
public struct HealthCheckResponse: Message {
    /// `grpc.health.v1.HealthCheckResponse.ServingStatus`. Open: unknown numbers are kept.
    public struct ServingStatus: ProtoEnum {
        public var rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        public static let unknown = Self(rawValue: 0)
        public static let serving = Self(rawValue: 1)
        public static let notServing = Self(rawValue: 2)
        /// Used only by the Watch method, for a service the server does not know.
        public static let serviceUnknown = Self(rawValue: 3)

        public static let protoEnumName = "grpc.health.v1.HealthCheckResponse.ServingStatus"
        public static let nameTable: [(Int32, String)] = [
            (0, "UNKNOWN"), (1, "SERVING"), (2, "NOT_SERVING"), (3, "SERVICE_UNKNOWN"),
        ]
    }

    public var status: ServingStatus = .unknown
    public var unknownFields = UnknownFields()

    public init() {}

    /// Creates a response carrying `status`.
    public init(status: ServingStatus) {
        self.status = status
    }

    public static let protoMessageName = "grpc.health.v1.HealthCheckResponse"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "status", \.status),
    ])
}
