public import TiltsWire

/// `grpc.health.v1.HealthCheckRequest`: asks for the serving status of one service.
///
/// An empty `service` asks about the server as a whole. Mirrors
/// `Proto/grpc/health/v1/health.proto`. A value type; safe from any thread.
public struct HealthCheckRequest: Message {
    /// The fully qualified service name, e.g. `"tilts.referral.v1.ReferralService"`, or `""`.
    public var service: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    /// Creates a request for `service`.
    public init(service: String) {
        self.service = service
    }

    public static let protoMessageName = "grpc.health.v1.HealthCheckRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "service", \.service),
    ])
}
