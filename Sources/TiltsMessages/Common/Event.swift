public import TiltsWire

/// `tilts.common.v1.Event`: one domain event from a service's outbox.
///
/// A service appends it in the same transaction as the change it describes and serves it from
/// `WatchEvents`. `kind` names the payload's message type, e.g. `"CaseAdmitted"`. Mirrors
/// `Proto/tilts/common/v1/common.proto`. A value type; safe from any thread.
public struct Event: Message {
    /// Strictly increasing per service, from 1. Consumers store the last one they applied.
    public var sequence: Int64 = 0
    /// UUID of the event.
    public var eventID: String = ""
    public var occurredAt: Timestamp?
    /// The case or referral the event concerns (UUID).
    public var caseID: String = ""
    /// The event kind, e.g. `"ReferralSubmitted"`; names the payload's message type.
    public var kind: String = ""
    /// The event's message, protobuf-encoded.
    public var payload: [UInt8] = []
    /// The emitting service: `"referral"`, `"meeting"`, `"assessment"`.
    public var source: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        sequence: Int64, eventID: String, occurredAt: Timestamp?, caseID: String, kind: String, payload: [UInt8],
        source: String
    ) {
        self.sequence = sequence
        self.eventID = eventID
        self.occurredAt = occurredAt
        self.caseID = caseID
        self.kind = kind
        self.payload = payload
        self.source = source
    }

    /// Decodes the payload as `M`.
    /// - Throws: ``WireError`` when the payload is not a valid `M`.
    public func payload<M: Message>(as type: M.Type) throws -> M {
        try M(serializedBytes: payload)
    }

    public static let protoMessageName = "tilts.common.v1.Event"
    public static let fieldTable = FieldTable<Self>([
        .int64(1, "sequence", \.sequence),
        .string(2, "event_id", \.eventID),
        .message(3, "occurred_at", \.occurredAt),
        .string(4, "case_id", \.caseID),
        .string(5, "kind", \.kind),
        .bytes(6, "payload", \.payload),
        .string(7, "source", \.source),
    ])
}
