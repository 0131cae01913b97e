public import TiltsWire

// `tilts.reporting.v1.ReportingService/GetPilotEvaluation`: the 40-versus-70 evaluation.

/// `tilts.reporting.v1.GetPilotEvaluationRequest`.
public struct GetPilotEvaluationRequest: Message {
    /// Default: the pilot period from configuration.
    public var period: DateWindow?
    public var unknownFields = UnknownFields()

    public init() {}

    public init(period: DateWindow?) { self.period = period }

    public static let protoMessageName = "tilts.reporting.v1.GetPilotEvaluationRequest"
    public static let fieldTable = FieldTable<Self>([
        .message(1, "period", \.period),
    ])
}

/// `tilts.reporting.v1.TerminationCount`: children whose course ended early for one reason.
public struct TerminationCount: Message {
    public var reason: TerminationReason = .unspecified
    public var children: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.TerminationCount"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "reason", \.reason),
        .message(2, "children", \.children),
    ])
}

/// `tilts.reporting.v1.AllocationCount`: children whose length was allocated one way.
public struct AllocationCount: Message {
    public var method: AllocationMethod = .unspecified
    public var children: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.AllocationCount"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "method", \.method),
        .message(2, "children", \.children),
    ])
}

/// `tilts.reporting.v1.DestinationCount`: children who went to one destination after the course.
public struct DestinationCount: Message {
    public var destination: Destination = .unspecified
    public var children: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.DestinationCount"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "destination", \.destination),
        .message(2, "children", \.children),
    ])
}

/// `tilts.reporting.v1.AreaOutcome`: one area's scores in one cohort.
public struct AreaOutcome: Message {
    public var area: AssessmentArea = .unspecified
    public var baselineChildren: ReportCount?
    public var baselineMean: ReportFigure?
    public var finalChildren: ReportCount?
    public var finalMean: ReportFigure?
    public var pairedChildren: ReportCount?
    public var meanChange: ReportFigure?
    public var changeCILow: ReportFigure?
    public var changeCIHigh: ReportFigure?
    public var changeSD: ReportFigure?
    public var shareImproved: ReportFigure?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.AreaOutcome"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "area", \.area),
        .message(2, "baseline_children", \.baselineChildren),
        .message(3, "baseline_mean", \.baselineMean),
        .message(4, "final_children", \.finalChildren),
        .message(5, "final_mean", \.finalMean),
        .message(6, "paired_children", \.pairedChildren),
        .message(7, "mean_change", \.meanChange),
        .message(8, "change_ci_low", \.changeCILow),
        .message(9, "change_ci_high", \.changeCIHigh),
        .message(10, "change_sd", \.changeSD),
        .message(11, "share_improved", \.shareImproved),
    ])
}

/// `tilts.reporting.v1.MeetingTimeliness`: one kind of required meeting for a cohort.
public struct MeetingTimeliness: Message {
    public var kind: MeetingKind = .unspecified
    public var due: ReportCount?
    public var heldInWindow: ReportCount?
    public var heldEarly: ReportCount?
    public var heldLate: ReportCount?
    public var missed: ReportCount?
    public var shareInWindow: ReportFigure?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.MeetingTimeliness"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "kind", \.kind),
        .message(2, "due", \.due),
        .message(3, "held_in_window", \.heldInWindow),
        .message(4, "held_early", \.heldEarly),
        .message(5, "held_late", \.heldLate),
        .message(6, "missed", \.missed),
        .message(7, "share_in_window", \.shareInWindow),
    ])
}

/// `tilts.reporting.v1.SessionTypeUse`: sessions of one service type in a cohort.
public struct SessionTypeUse: Message {
    public var serviceType: String = ""
    public var children: ReportCount?
    public var sessions: ReportCount?
    public var sessionsPerChild: ReportFigure?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.SessionTypeUse"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "service_type", \.serviceType),
        .message(2, "children", \.children),
        .message(3, "sessions", \.sessions),
        .message(4, "sessions_per_child", \.sessionsPerChild),
    ])
}

/// `tilts.reporting.v1.CohortEvaluation`: everything the evaluation says about one course length.
public struct CohortEvaluation: Message {
    public var courseLengthDays: Int32 = 0
    public var referred: ReportCount?
    public var admitted: ReportCount?
    public var inCourse: ReportCount?
    public var completed: ReportCount?
    public var terminatedEarly: ReportCount?
    public var terminations: [TerminationCount] = []
    public var referralToAdmissionMedianDays: ReportFigure?
    public var referralToAdmissionP90Days: ReportFigure?
    public var areas: [AreaOutcome] = []
    public var meetings: [MeetingTimeliness] = []
    public var sessionsPerChild: ReportFigure?
    public var sessionMinutesPerChild: ReportFigure?
    public var sessionsByType: [SessionTypeUse] = []
    public var allocation: [AllocationCount] = []
    public var finalSummaries: ReportCount?
    public var destinations: [DestinationCount] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.CohortEvaluation"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "course_length_days", \.courseLengthDays),
        .message(2, "referred", \.referred),
        .message(3, "admitted", \.admitted),
        .message(4, "in_course", \.inCourse),
        .message(5, "completed", \.completed),
        .message(6, "terminated_early", \.terminatedEarly),
        .repeated(7, "terminations", \.terminations, .message),
        .message(8, "referral_to_admission_median_days", \.referralToAdmissionMedianDays),
        .message(9, "referral_to_admission_p90_days", \.referralToAdmissionP90Days),
        .repeated(10, "areas", \.areas, .message),
        .repeated(11, "meetings", \.meetings, .message),
        .message(12, "sessions_per_child", \.sessionsPerChild),
        .message(13, "session_minutes_per_child", \.sessionMinutesPerChild),
        .repeated(14, "sessions_by_type", \.sessionsByType, .message),
        .repeated(15, "allocation", \.allocation, .message),
        .message(16, "final_summaries", \.finalSummaries),
        .repeated(17, "destinations", \.destinations, .message),
    ])
}

/// `tilts.reporting.v1.AreaComparison`: the 70-day cohort's mean change minus the 40-day's, per area.
public struct AreaComparison: Message {
    public var area: AssessmentArea = .unspecified
    public var difference: ReportFigure?
    public var differenceCILow: ReportFigure?
    public var differenceCIHigh: ReportFigure?
    public var welchT: ReportFigure?
    public var welchDF: ReportFigure?
    public var pValue: ReportFigure?
    public var hedgesG: ReportFigure?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.AreaComparison"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "area", \.area),
        .message(2, "difference", \.difference),
        .message(3, "difference_ci_low", \.differenceCILow),
        .message(4, "difference_ci_high", \.differenceCIHigh),
        .message(5, "welch_t", \.welchT),
        .message(6, "welch_df", \.welchDF),
        .message(7, "p_value", \.pValue),
        .message(8, "hedges_g", \.hedgesG),
    ])
}

/// `tilts.reporting.v1.PilotEvaluation`: the answer of GetPilotEvaluation.
public struct PilotEvaluation: Message {
    public var period: DateWindow?
    public var instrumentID: String = ""
    public var cohorts: [CohortEvaluation] = []
    public var comparisons: [AreaComparison] = []
    public var referredLengthUndecided: ReportCount?
    public var caveats: [Caveat] = []
    public var suppressionApplied: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.PilotEvaluation"
    public static let fieldTable = FieldTable<Self>([
        .message(1, "period", \.period),
        .string(2, "instrument_id", \.instrumentID),
        .repeated(3, "cohorts", \.cohorts, .message),
        .repeated(4, "comparisons", \.comparisons, .message),
        .message(5, "referred_length_undecided", \.referredLengthUndecided),
        .repeated(6, "caveats", \.caveats, .message),
        .bool(7, "suppression_applied", \.suppressionApplied),
    ])
}
