/// Names of the gateway's own gRPC services (`Proto/tilts/gateway/v1/gateway.proto`).
///
/// Method descriptors live with the RPC layer (TiltsRPC), which TiltsMessages does not depend on;
/// this enum holds only what the messages' module can name.
public enum GatewayAPI {
    /// `tilts.gateway.v1.AuditService`: the audit log, for the data protection officer.
    public static let auditServiceName = "tilts.gateway.v1.AuditService"
    /// `tilts.gateway.v1.AdminService`: bearer-token administration, local operator only.
    public static let adminServiceName = "tilts.gateway.v1.AdminService"
}
