public import TiltsWire

// Event payloads of the assessment service: `tilts.common.v1.Event.kind` names the message and
// `Event.payload` holds it, protobuf-encoded. They carry ids, codes, dates and numbers only: no
// names or free text, since consumers such as reporting must not get them.

/// `tilts.assessment.v1.AreaScoreFact`: an area's score as reported in events.
public struct AreaScoreFact: Message {
    public var areaID: String = ""
    public var pilotArea: AssessmentArea = .unspecified
    public var score: Int32 = 0
    public var complete: Bool = false
    public var bandCode: String = ""
    public var missingItems: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.AreaScoreFact"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "area_id", \.areaID),
        .enum(2, "pilot_area", \.pilotArea),
        .int32(3, "score", \.score),
        .bool(4, "complete", \.complete),
        .string(5, "band_code", \.bandCode),
        .int32(6, "missing_items", \.missingItems),
    ])
}

/// `tilts.assessment.v1.AssessmentRecorded`: kind `"AssessmentRecorded"`.
public struct AssessmentRecorded: Message {
    public var caseID: String = ""
    public var assessmentID: String = ""
    public var timePoint: TimePoint = .unspecified
    public var instrumentID: String = ""
    public var instrumentVersion: Int32 = 0
    public var recordedOn: String = ""
    public var courseDay: Int32 = 0
    public var scores: [AreaScoreFact] = []
    /// A BASELINE assessed after day 10.
    public var late: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.AssessmentRecorded"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "assessment_id", \.assessmentID),
        .enum(3, "time_point", \.timePoint),
        .string(4, "instrument_id", \.instrumentID),
        .int32(5, "instrument_version", \.instrumentVersion),
        .string(6, "recorded_on", \.recordedOn),
        .int32(7, "course_day", \.courseDay),
        .repeated(8, "scores", \.scores, .message),
        .bool(9, "late", \.late),
    ])
}

/// `tilts.assessment.v1.PlanApproved`: kind `"PlanApproved"`.
public struct PlanApproved: Message {
    public var caseID: String = ""
    public var version: Int32 = 0
    public var approvedOn: String = ""
    public var meetingID: String = ""
    public var goalCount: Int32 = 0
    public var serviceTypes: [String] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.PlanApproved"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .int32(2, "version", \.version),
        .string(3, "approved_on", \.approvedOn),
        .string(4, "meeting_id", \.meetingID),
        .int32(5, "goal_count", \.goalCount),
        .repeated(6, "service_types", \.serviceTypes, .string),
    ])
}

/// `tilts.assessment.v1.SessionLogged`: kind `"SessionLogged"`.
public struct SessionLogged: Message {
    public var caseID: String = ""
    public var sessionID: String = ""
    public var heldOn: String = ""
    public var serviceType: String = ""
    public var minutes: Int32 = 0
    public var participants: SessionParticipants = .unspecified
    public var specialistRole: SpecialistRole = .unspecified
    public var courseDay: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.SessionLogged"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "session_id", \.sessionID),
        .string(3, "held_on", \.heldOn),
        .string(4, "service_type", \.serviceType),
        .int32(5, "minutes", \.minutes),
        .enum(6, "participants", \.participants),
        .enum(7, "specialist_role", \.specialistRole),
        .int32(8, "course_day", \.courseDay),
    ])
}

/// `tilts.assessment.v1.FinalSummaryIssued`: kind `"FinalSummaryIssued"`; lets the referral
/// service complete the case.
public struct FinalSummaryIssued: Message {
    public var caseID: String = ""
    public var issuedOn: String = ""
    public var destination: Destination = .unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.FinalSummaryIssued"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "issued_on", \.issuedOn),
        .enum(3, "destination", \.destination),
    ])
}

/// Names of `tilts.assessment.v1.AssessmentService`, the assessment service's gRPC API.
public enum AssessmentAPI {
    /// The fully qualified gRPC service name.
    public static let serviceName = "tilts.assessment.v1.AssessmentService"
}
