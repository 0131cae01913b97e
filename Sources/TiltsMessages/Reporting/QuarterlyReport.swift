public import TiltsWire

// `tilts.reporting.v1.ReportingService/GetQuarterlyReport`: one pilot quarter for its review meeting.

/// `tilts.reporting.v1.GetQuarterlyReportRequest`.
public struct GetQuarterlyReportRequest: Message {
    /// The pilot quarter, from 1.
    public var quarter: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(quarter: Int32) { self.quarter = quarter }

    public static let protoMessageName = "tilts.reporting.v1.GetQuarterlyReportRequest"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "quarter", \.quarter),
    ])
}

/// `tilts.reporting.v1.MunicipalityActivity`: one municipality's flow in the quarter.
public struct MunicipalityActivity: Message {
    /// Empty for the report's total.
    public var municipality: String = ""
    public var referrals: ReportCount?
    public var admissions: ReportCount?
    public var completions: ReportCount?
    public var terminations: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.MunicipalityActivity"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "municipality", \.municipality),
        .message(2, "referrals", \.referrals),
        .message(3, "admissions", \.admissions),
        .message(4, "completions", \.completions),
        .message(5, "terminations", \.terminations),
    ])
}

/// `tilts.reporting.v1.QuarterMeetings`: required meetings of one kind whose window closed in the quarter.
public struct QuarterMeetings: Message {
    public var kind: MeetingKind = .unspecified
    public var windowsClosed: ReportCount?
    public var heldInTime: ReportCount?
    public var heldLate: ReportCount?
    public var notHeld: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.QuarterMeetings"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "kind", \.kind),
        .message(2, "windows_closed", \.windowsClosed),
        .message(3, "held_in_time", \.heldInTime),
        .message(4, "held_late", \.heldLate),
        .message(5, "not_held", \.notHeld),
    ])
}

/// `tilts.reporting.v1.CohortCourseDays`: course-days delivered to one cohort.
public struct CohortCourseDays: Message {
    public var courseLengthDays: Int32 = 0
    public var courseDays: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.CohortCourseDays"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "course_length_days", \.courseLengthDays),
        .message(2, "course_days", \.courseDays),
    ])
}

/// `tilts.reporting.v1.QuarterlyReport`: the answer of GetQuarterlyReport.
public struct QuarterlyReport: Message {
    public var quarter: Int32 = 0
    public var period: DateWindow?
    /// SD and BT callers: their municipality; empty: all.
    public var municipalityScope: String = ""
    public var municipalities: [MunicipalityActivity] = []
    public var total: MunicipalityActivity?
    public var capacity: Int32 = 0
    public var bedDaysAvailable: Int64 = 0
    public var courseDaysDelivered: ReportCount?
    public var occupancy: ReportFigure?
    public var waitingAtQuarterEnd: ReportCount?
    public var waitingUrgentAtQuarterEnd: ReportCount?
    public var meetings: [QuarterMeetings] = []
    public var overdueActions: ReportCount?
    public var overdueActionsReported: Bool = false
    public var courseDaysByCohort: [CohortCourseDays] = []
    public var dailyRateEur: Double = 0
    public var costEur: ReportFigure?
    public var caveats: [Caveat] = []
    public var suppressionApplied: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.QuarterlyReport"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "quarter", \.quarter),
        .message(2, "period", \.period),
        .string(3, "municipality_scope", \.municipalityScope),
        .repeated(4, "municipalities", \.municipalities, .message),
        .message(5, "total", \.total),
        .int32(6, "capacity", \.capacity),
        .int64(7, "bed_days_available", \.bedDaysAvailable),
        .message(8, "course_days_delivered", \.courseDaysDelivered),
        .message(9, "occupancy", \.occupancy),
        .message(10, "waiting_at_quarter_end", \.waitingAtQuarterEnd),
        .message(11, "waiting_urgent_at_quarter_end", \.waitingUrgentAtQuarterEnd),
        .repeated(12, "meetings", \.meetings, .message),
        .message(13, "overdue_actions", \.overdueActions),
        .bool(14, "overdue_actions_reported", \.overdueActionsReported),
        .repeated(15, "course_days_by_cohort", \.courseDaysByCohort, .message),
        .double(16, "daily_rate_eur", \.dailyRateEur),
        .message(17, "cost_eur", \.costEur),
        .repeated(18, "caveats", \.caveats, .message),
        .bool(19, "suppression_applied", \.suppressionApplied),
    ])
}
