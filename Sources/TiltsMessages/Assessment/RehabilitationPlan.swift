public import TiltsWire

// The rehabilitation plan of `tilts.assessment.v1`: goals per area and interventions, versioned;
// each approval freezes a version.

/// `tilts.assessment.v1.PlanGoal`: a goal for one area with a measurable indicator.
public struct PlanGoal: Message {
    /// Assigned by the service when empty (`"g1"`, `"g2"`, ...).
    public var goalID: String = ""
    public var area: AssessmentArea = .unspecified
    public var description: String = ""
    public var indicator: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(goalID: String = "", area: AssessmentArea, description: String, indicator: String) {
        self.goalID = goalID
        self.area = area
        self.description = description
        self.indicator = indicator
    }

    public static let protoMessageName = "tilts.assessment.v1.PlanGoal"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "goal_id", \.goalID),
        .enum(2, "area", \.area),
        .string(3, "description", \.description),
        .string(4, "indicator", \.indicator),
    ])
}

/// `tilts.assessment.v1.InterventionFrequency`: `times` per `period`.
public struct InterventionFrequency: Message {
    public var times: Int32 = 0
    public var period: FrequencyPeriod = .unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public init(times: Int32, period: FrequencyPeriod) {
        self.times = times
        self.period = period
    }

    public static let protoMessageName = "tilts.assessment.v1.InterventionFrequency"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "times", \.times),
        .enum(2, "period", \.period),
    ])
}

/// `tilts.assessment.v1.PlanIntervention`: a service from the catalogue, who delivers it, how often.
public struct PlanIntervention: Message {
    /// Assigned by the service when empty (`"i1"`, `"i2"`, ...).
    public var interventionID: String = ""
    /// A code from `ListServiceTypes`.
    public var serviceType: String = ""
    public var specialistRole: SpecialistRole = .unspecified
    public var frequency: InterventionFrequency?
    public var minutesPerSession: Int32 = 0
    public var goalIDs: [String] = []
    public var note: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.PlanIntervention"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "intervention_id", \.interventionID),
        .string(2, "service_type", \.serviceType),
        .enum(3, "specialist_role", \.specialistRole),
        .message(4, "frequency", \.frequency),
        .int32(5, "minutes_per_session", \.minutesPerSession),
        .repeated(6, "goal_ids", \.goalIDs, .string),
        .string(7, "note", \.note),
    ])
}

/// `tilts.assessment.v1.RehabilitationPlan`: one version of a case's plan.
public struct RehabilitationPlan: Message {
    public var caseID: String = ""
    /// From 1.
    public var version: Int32 = 0
    public var status: PlanStatus = .unspecified
    public var goals: [PlanGoal] = []
    public var interventions: [PlanIntervention] = []
    public var draftedOn: String = ""
    public var approvedOn: String = ""
    /// The meeting (meeting service id) that approved it.
    public var approvedAtMeetingID: String = ""
    public var revisionNote: String = ""
    public var updatedAt: Timestamp?
    public var updatedBy: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.RehabilitationPlan"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .int32(2, "version", \.version),
        .enum(3, "status", \.status),
        .repeated(4, "goals", \.goals, .message),
        .repeated(5, "interventions", \.interventions, .message),
        .string(6, "drafted_on", \.draftedOn),
        .string(7, "approved_on", \.approvedOn),
        .string(8, "approved_at_meeting_id", \.approvedAtMeetingID),
        .string(9, "revision_note", \.revisionNote),
        .message(10, "updated_at", \.updatedAt),
        .string(11, "updated_by", \.updatedBy),
    ])
}

/// `tilts.assessment.v1.DraftPlanRequest`: the first draft, or a revision of an approved plan.
public struct DraftPlanRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    public var goals: [PlanGoal] = []
    public var interventions: [PlanIntervention] = []
    /// Required for a revision.
    public var revisionNote: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.DraftPlanRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .repeated(3, "goals", \.goals, .message),
        .repeated(4, "interventions", \.interventions, .message),
        .string(5, "revision_note", \.revisionNote),
    ])
}

/// `tilts.assessment.v1.UpdatePlanRequest`: replaces the contents of the open draft `version`.
public struct UpdatePlanRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    public var version: Int32 = 0
    public var goals: [PlanGoal] = []
    public var interventions: [PlanIntervention] = []
    public var revisionNote: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.UpdatePlanRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .int32(3, "version", \.version),
        .repeated(4, "goals", \.goals, .message),
        .repeated(5, "interventions", \.interventions, .message),
        .string(6, "revision_note", \.revisionNote),
    ])
}

/// `tilts.assessment.v1.ApprovePlanRequest`: freezes draft `version` as approved.
public struct ApprovePlanRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    public var version: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(requestID: String, caseID: String, version: Int32) {
        self.requestID = requestID
        self.caseID = caseID
        self.version = version
    }

    public static let protoMessageName = "tilts.assessment.v1.ApprovePlanRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .int32(3, "version", \.version),
    ])
}

/// `tilts.assessment.v1.GetPlanRequest`: version 0 asks for the latest the caller may see.
public struct GetPlanRequest: Message {
    public var caseID: String = ""
    public var version: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(caseID: String, version: Int32 = 0) {
        self.caseID = caseID
        self.version = version
    }

    public static let protoMessageName = "tilts.assessment.v1.GetPlanRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .int32(2, "version", \.version),
    ])
}
