public import TiltsWire

// Everything the assessment service holds about one case, `tilts.assessment.v1`.

/// `tilts.assessment.v1.HeldMeeting`: a meeting the meeting service reported held for the case.
public struct HeldMeeting: Message {
    public var meetingID: String = ""
    /// The `tilts.meeting.v1.MeetingKind` number: 2 meeting 1, 3 meeting 2, 4 meeting 3.
    public var kind: Int32 = 0
    public var heldOn: String = ""
    public var planApproved: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.HeldMeeting"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .int32(2, "kind", \.kind),
        .string(3, "held_on", \.heldOn),
        .bool(4, "plan_approved", \.planApproved),
    ])
}

/// `tilts.assessment.v1.GetCaseRecordRequest`.
public struct GetCaseRecordRequest: Message {
    public var caseID: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(caseID: String) { self.caseID = caseID }

    public static let protoMessageName = "tilts.assessment.v1.GetCaseRecordRequest"
    public static let fieldTable = FieldTable<Self>([.string(1, "case_id", \.caseID)])
}

/// `tilts.assessment.v1.AssessmentCaseRecord`: observations, assessments, plan versions,
/// sessions and the final summary of one case.
public struct AssessmentCaseRecord: Message {
    public var caseID: String = ""
    public var municipality: String = ""
    public var timeline: Timeline?
    public var status: AssessmentCaseStatus = .unspecified
    public var endedOn: String = ""
    public var meetings: [HeldMeeting] = []
    public var observations: [MappingObservation] = []
    public var assessments: [Assessment] = []
    /// Every version, oldest first.
    public var planVersions: [RehabilitationPlan] = []
    public var sessions: [RehabilitationSession] = []
    public var finalSummary: FinalSummary?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.AssessmentCaseRecord"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "municipality", \.municipality),
        .message(3, "timeline", \.timeline),
        .enum(4, "status", \.status),
        .string(5, "ended_on", \.endedOn),
        .repeated(6, "meetings", \.meetings, .message),
        .repeated(7, "observations", \.observations, .message),
        .repeated(8, "assessments", \.assessments, .message),
        .repeated(9, "plan_versions", \.planVersions, .message),
        .repeated(10, "sessions", \.sessions, .message),
        .message(11, "final_summary", \.finalSummary),
    ])
}
