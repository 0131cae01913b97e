public import TiltsWire

// The enums of `Proto/tilts/assessment/v1/assessment.proto`. All are open: numbers this build
// does not name decode, compare and re-encode unchanged.

/// `tilts.assessment.v1.AssessmentArea`: the six areas of the pilot's mapping.
public struct AssessmentArea: ProtoEnum, CaseIterable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let emotional = Self(rawValue: 1)
    public static let social = Self(rawValue: 2)
    public static let behavioural = Self(rawValue: 3)
    public static let cognitive = Self(rawValue: 4)
    public static let physical = Self(rawValue: 5)
    public static let environmentAndRelationships = Self(rawValue: 6)

    /// The six named areas in the pilot's order (without `unspecified`).
    public static let allCases: [AssessmentArea] = [
        .emotional, .social, .behavioural, .cognitive, .physical, .environmentAndRelationships,
    ]

    public static let protoEnumName = "tilts.assessment.v1.AssessmentArea"
    public static let nameTable: [(Int32, String)] = [
        (0, "ASSESSMENT_AREA_UNSPECIFIED"), (1, "EMOTIONAL"), (2, "SOCIAL"), (3, "BEHAVIOURAL"), (4, "COGNITIVE"),
        (5, "PHYSICAL"), (6, "ENVIRONMENT_AND_RELATIONSHIPS"),
    ]
}

/// `tilts.assessment.v1.SpecialistRole`: who observed, assessed or delivered a session.
public struct SpecialistRole: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let socialWorker = Self(rawValue: 1)
    public static let clinicalPsychologist = Self(rawValue: 2)
    public static let socialEducator = Self(rawValue: 3)
    public static let otherSpecialist = Self(rawValue: 4)

    public static let protoEnumName = "tilts.assessment.v1.SpecialistRole"
    public static let nameTable: [(Int32, String)] = [
        (0, "SPECIALIST_ROLE_UNSPECIFIED"), (1, "SOCIAL_WORKER"), (2, "CLINICAL_PSYCHOLOGIST"), (3, "SOCIAL_EDUCATOR"),
        (4, "OTHER_SPECIALIST"),
    ]
}

/// `tilts.assessment.v1.TimePoint`: when in the course an assessment is taken.
public struct TimePoint: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    /// By day 10, the end of mapping.
    public static let baseline = Self(rawValue: 1)
    /// Around meeting 2.
    public static let mid = Self(rawValue: 2)
    /// Before the final summary.
    public static let final = Self(rawValue: 3)

    public static let protoEnumName = "tilts.assessment.v1.TimePoint"
    public static let nameTable: [(Int32, String)] = [
        (0, "TIME_POINT_UNSPECIFIED"), (1, "BASELINE"), (2, "MID"), (3, "FINAL"),
    ]
}

/// `tilts.assessment.v1.PlanStatus`: a plan version is a draft or approved (frozen).
public struct PlanStatus: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let draft = Self(rawValue: 1)
    public static let approved = Self(rawValue: 2)

    public static let protoEnumName = "tilts.assessment.v1.PlanStatus"
    public static let nameTable: [(Int32, String)] = [(0, "PLAN_STATUS_UNSPECIFIED"), (1, "DRAFT"), (2, "APPROVED")]
}

/// `tilts.assessment.v1.FrequencyPeriod`: the period an intervention's frequency counts over.
public struct FrequencyPeriod: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let perDay = Self(rawValue: 1)
    public static let perWeek = Self(rawValue: 2)
    public static let perCourse = Self(rawValue: 3)

    public static let protoEnumName = "tilts.assessment.v1.FrequencyPeriod"
    public static let nameTable: [(Int32, String)] = [
        (0, "FREQUENCY_PERIOD_UNSPECIFIED"), (1, "PER_DAY"), (2, "PER_WEEK"), (3, "PER_COURSE"),
    ]
}

/// `tilts.assessment.v1.SessionParticipants`: who took part in a session.
public struct SessionParticipants: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let child = Self(rawValue: 1)
    public static let parent = Self(rawValue: 2)
    public static let childAndParent = Self(rawValue: 3)

    public static let protoEnumName = "tilts.assessment.v1.SessionParticipants"
    public static let nameTable: [(Int32, String)] = [
        (0, "SESSION_PARTICIPANTS_UNSPECIFIED"), (1, "CHILD"), (2, "PARENT"), (3, "CHILD_AND_PARENT"),
    ]
}

/// `tilts.assessment.v1.RecommendationAddressee`: to whom a recommendation is addressed.
public struct RecommendationAddressee: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let socialService = Self(rawValue: 1)
    public static let orphansCourt = Self(rawValue: 2)
    public static let school = Self(rawValue: 3)
    public static let family = Self(rawValue: 4)

    public static let protoEnumName = "tilts.assessment.v1.RecommendationAddressee"
    public static let nameTable: [(Int32, String)] = [
        (0, "RECOMMENDATION_ADDRESSEE_UNSPECIFIED"), (1, "ADDRESSEE_SOCIAL_SERVICE"), (2, "ADDRESSEE_ORPHANS_COURT"),
        (3, "ADDRESSEE_SCHOOL"), (4, "ADDRESSEE_FAMILY"),
    ]
}

/// `tilts.assessment.v1.Destination`: where the child goes after the course.
public struct Destination: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let home = Self(rawValue: 1)
    public static let fosterFamily = Self(rawValue: 2)
    public static let guardian = Self(rawValue: 3)
    public static let otherInstitution = Self(rawValue: 4)
    public static let other = Self(rawValue: 5)

    public static let protoEnumName = "tilts.assessment.v1.Destination"
    public static let nameTable: [(Int32, String)] = [
        (0, "DESTINATION_UNSPECIFIED"), (1, "HOME"), (2, "FOSTER_FAMILY"), (3, "GUARDIAN"), (4, "OTHER_INSTITUTION"),
        (5, "OTHER"),
    ]
}

/// `tilts.assessment.v1.AreaTrend`: how an area's score moved from BASELINE to FINAL.
public struct AreaTrend: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let improved = Self(rawValue: 1)
    public static let unchanged = Self(rawValue: 2)
    public static let worsened = Self(rawValue: 3)
    /// A score is missing or incomplete at one of the two time points.
    public static let notComparable = Self(rawValue: 4)

    public static let protoEnumName = "tilts.assessment.v1.AreaTrend"
    public static let nameTable: [(Int32, String)] = [
        (0, "AREA_TREND_UNSPECIFIED"), (1, "IMPROVED"), (2, "UNCHANGED"), (3, "WORSENED"), (4, "NOT_COMPARABLE"),
    ]
}

/// `tilts.assessment.v1.AssessmentCaseStatus`: whether the case is open for the centre's records.
public struct AssessmentCaseStatus: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let open = Self(rawValue: 1)
    public static let ended = Self(rawValue: 2)

    public static let protoEnumName = "tilts.assessment.v1.AssessmentCaseStatus"
    public static let nameTable: [(Int32, String)] = [
        (0, "ASSESSMENT_CASE_STATUS_UNSPECIFIED"), (1, "OPEN"), (2, "ENDED"),
    ]
}
