public import TiltsWire

// Sessions delivered during the course, `tilts.assessment.v1`.

/// `tilts.assessment.v1.LogSessionRequest`: one session delivered.
public struct LogSessionRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    public var heldOn: String = ""
    /// A catalogue code; taken from the intervention when empty.
    public var serviceType: String = ""
    /// The plan's intervention delivered, when the session follows the plan.
    public var interventionID: String = ""
    public var specialistRole: SpecialistRole = .unspecified
    public var minutes: Int32 = 0
    public var participants: SessionParticipants = .unspecified
    public var note: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.LogSessionRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .string(3, "held_on", \.heldOn),
        .string(4, "service_type", \.serviceType),
        .string(5, "intervention_id", \.interventionID),
        .enum(6, "specialist_role", \.specialistRole),
        .int32(7, "minutes", \.minutes),
        .enum(8, "participants", \.participants),
        .string(9, "note", \.note),
    ])
}

/// `tilts.assessment.v1.RehabilitationSession`: a logged session.
public struct RehabilitationSession: Message {
    public var sessionID: String = ""
    public var caseID: String = ""
    public var heldOn: String = ""
    public var courseDay: Int32 = 0
    public var serviceType: String = ""
    public var interventionID: String = ""
    public var specialistRole: SpecialistRole = .unspecified
    public var minutes: Int32 = 0
    public var participants: SessionParticipants = .unspecified
    public var note: String = ""
    public var recordedBy: String = ""
    public var recordedAt: Timestamp?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.RehabilitationSession"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "session_id", \.sessionID),
        .string(2, "case_id", \.caseID),
        .string(3, "held_on", \.heldOn),
        .int32(4, "course_day", \.courseDay),
        .string(5, "service_type", \.serviceType),
        .string(6, "intervention_id", \.interventionID),
        .enum(7, "specialist_role", \.specialistRole),
        .int32(8, "minutes", \.minutes),
        .enum(9, "participants", \.participants),
        .string(10, "note", \.note),
        .string(11, "recorded_by", \.recordedBy),
        .message(12, "recorded_at", \.recordedAt),
    ])
}
