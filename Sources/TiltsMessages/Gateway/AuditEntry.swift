public import TiltsWire

/// `tilts.gateway.v1.AuditEntry`: one call through the gateway, refused calls included.
///
/// Holds ids only (subjects, kinds, municipality codes, methods, record ids), never names or
/// personal codes. Mirrors `Proto/tilts/gateway/v1/gateway.proto`. A value type; safe from any thread.
public struct AuditEntry: Message {
    /// Position in the chain, contiguous from 1.
    public var sequence: Int64 = 0
    /// When the call arrived.
    public var time: Timestamp?
    /// `token:<id>`, `cert:<subject>`, `uid:<n>`, or empty when refused before the caller was known.
    public var subject: String = ""
    public var institution: InstitutionKind = .unspecified
    public var municipality: String = ""
    /// The gRPC method path, e.g. `/tilts.referral.v1.ReferralService/GetCase`.
    public var method: String = ""
    /// The records the call concerned, from the service's `tilts-record-id` response header.
    public var recordIDs: [String] = []
    /// The gRPC status code the caller received.
    public var statusCode: Int32 = 0
    public var durationMicros: Int64 = 0
    /// The gateway's id for the call (metadata `tilts-request-id`).
    public var requestID: String = ""
    /// SHA-256 over the previous entry's hash and this entry's canonical encoding.
    public var hash: [UInt8] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.gateway.v1.AuditEntry"
    public static let fieldTable = FieldTable<Self>([
        .int64(1, "sequence", \.sequence),
        .message(2, "time", \.time),
        .string(3, "subject", \.subject),
        .enum(4, "institution", \.institution),
        .string(5, "municipality", \.municipality),
        .string(6, "method", \.method),
        .repeated(7, "record_ids", \.recordIDs, .string),
        .int32(8, "status_code", \.statusCode),
        .int64(9, "duration_micros", \.durationMicros),
        .string(10, "request_id", \.requestID),
        .bytes(11, "hash", \.hash),
    ])
}
