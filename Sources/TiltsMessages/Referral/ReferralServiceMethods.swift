/// Names of `tilts.referral.v1.ReferralService`, the referral service's gRPC API.
///
/// Method descriptors live with the RPC layer (TiltsRPC), which TiltsMessages does not depend on;
/// this enum holds only what the messages' module can name.
public enum ReferralAPI {
    /// The fully qualified gRPC service name.
    public static let serviceName = "tilts.referral.v1.ReferralService"
}
