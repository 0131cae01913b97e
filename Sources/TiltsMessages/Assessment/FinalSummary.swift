public import TiltsWire

// The final summary of `tilts.assessment.v1`: dynamics per area, recommendations, destination and
// follow-up; immutable once issued.

/// `tilts.assessment.v1.AreaDynamics`: how one area changed over the course.
public struct AreaDynamics: Message {
    public var areaID: String = ""
    public var areaName: String = ""
    public var pilotArea: AssessmentArea = .unspecified
    public var baseline: AreaScore?
    /// Absent when no MID assessment was recorded.
    public var mid: AreaScore?
    /// The proto field `final`.
    public var finalScore: AreaScore?
    /// `final.score - baseline.score`, when comparable.
    public var change: Int32 = 0
    public var trend: AreaTrend = .unspecified
    public var higherIsBetter: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.AreaDynamics"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "area_id", \.areaID),
        .string(2, "area_name", \.areaName),
        .enum(3, "pilot_area", \.pilotArea),
        .message(4, "baseline", \.baseline),
        .message(5, "mid", \.mid),
        .message(6, "final", \.finalScore),
        .int32(7, "change", \.change),
        .enum(8, "trend", \.trend),
        .bool(9, "higher_is_better", \.higherIsBetter),
    ])
}

/// `tilts.assessment.v1.Recommendation`: advice addressed to SD, BT, school or family.
public struct Recommendation: Message {
    public var addressee: RecommendationAddressee = .unspecified
    public var text: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(addressee: RecommendationAddressee, text: String) {
        self.addressee = addressee
        self.text = text
    }

    public static let protoMessageName = "tilts.assessment.v1.Recommendation"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "addressee", \.addressee),
        .string(2, "text", \.text),
    ])
}

/// `tilts.assessment.v1.FinalSummary`: the centre's written summary at the end of the course.
public struct FinalSummary: Message {
    public var caseID: String = ""
    public var issuedOn: String = ""
    public var municipality: String = ""
    public var timeline: Timeline?
    public var instrumentID: String = ""
    public var instrumentVersion: Int32 = 0
    public var baselineAssessmentID: String = ""
    public var midAssessmentID: String = ""
    public var finalAssessmentID: String = ""
    public var dynamics: [AreaDynamics] = []
    public var narrative: String = ""
    public var recommendations: [Recommendation] = []
    public var destination: Destination = .unspecified
    public var destinationNote: String = ""
    public var followUpPlan: String = ""
    public var sessionsLogged: Int32 = 0
    public var sessionMinutes: Int32 = 0
    /// The latest approved plan version, 0 when none was approved.
    public var planVersion: Int32 = 0
    public var issuedBy: String = ""
    public var issuedAt: Timestamp?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.FinalSummary"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "issued_on", \.issuedOn),
        .string(3, "municipality", \.municipality),
        .message(4, "timeline", \.timeline),
        .string(5, "instrument_id", \.instrumentID),
        .int32(6, "instrument_version", \.instrumentVersion),
        .string(7, "baseline_assessment_id", \.baselineAssessmentID),
        .string(8, "mid_assessment_id", \.midAssessmentID),
        .string(9, "final_assessment_id", \.finalAssessmentID),
        .repeated(10, "dynamics", \.dynamics, .message),
        .string(11, "narrative", \.narrative),
        .repeated(12, "recommendations", \.recommendations, .message),
        .enum(13, "destination", \.destination),
        .string(14, "destination_note", \.destinationNote),
        .string(15, "follow_up_plan", \.followUpPlan),
        .int32(16, "sessions_logged", \.sessionsLogged),
        .int32(17, "session_minutes", \.sessionMinutes),
        .int32(18, "plan_version", \.planVersion),
        .string(19, "issued_by", \.issuedBy),
        .message(20, "issued_at", \.issuedAt),
    ])
}

/// `tilts.assessment.v1.IssueFinalSummaryRequest`: the writer's part of the summary.
public struct IssueFinalSummaryRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    /// Default: today.
    public var issuedOn: String = ""
    /// Default `"pilot-mapping"`.
    public var instrumentID: String = ""
    public var narrative: String = ""
    public var recommendations: [Recommendation] = []
    public var destination: Destination = .unspecified
    public var destinationNote: String = ""
    public var followUpPlan: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.IssueFinalSummaryRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .string(3, "issued_on", \.issuedOn),
        .string(4, "instrument_id", \.instrumentID),
        .string(5, "narrative", \.narrative),
        .repeated(6, "recommendations", \.recommendations, .message),
        .enum(7, "destination", \.destination),
        .string(8, "destination_note", \.destinationNote),
        .string(9, "follow_up_plan", \.followUpPlan),
    ])
}

/// `tilts.assessment.v1.GetFinalSummaryRequest`.
public struct GetFinalSummaryRequest: Message {
    public var caseID: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(caseID: String) { self.caseID = caseID }

    public static let protoMessageName = "tilts.assessment.v1.GetFinalSummaryRequest"
    public static let fieldTable = FieldTable<Self>([.string(1, "case_id", \.caseID)])
}

/// `tilts.assessment.v1.RenderFinalSummaryRequest`.
public struct RenderFinalSummaryRequest: Message {
    public var caseID: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(caseID: String) { self.caseID = caseID }

    public static let protoMessageName = "tilts.assessment.v1.RenderFinalSummaryRequest"
    public static let fieldTable = FieldTable<Self>([.string(1, "case_id", \.caseID)])
}

/// `tilts.assessment.v1.RenderedFinalSummary`: the summary as a Latvian document.
public struct RenderedFinalSummary: Message {
    public var caseID: String = ""
    public var title: String = ""
    public var markdown: String = ""
    /// One XHTML-compatible HTML5 document with its stylesheet inline (screen and print).
    public var html: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.assessment.v1.RenderedFinalSummary"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "title", \.title),
        .string(3, "markdown", \.markdown),
        .string(4, "html", \.html),
    ])
}
