public import TiltsWire

/// `tilts.referral.v1.DateWindow`: an inclusive range of calendar days.
public struct DateWindow: Message {
    /// `"YYYY-MM-DD"`, the first day of the window.
    public var first: String = ""
    /// `"YYYY-MM-DD"`, the last day of the window.
    public var last: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(first: String, last: String) {
        self.first = first
        self.last = last
    }

    public static let protoMessageName = "tilts.referral.v1.DateWindow"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "first", \.first),
        .string(2, "last", \.last),
    ])
}

/// `tilts.referral.v1.Timeline`: the course's days from DESIGN section 2.
public struct Timeline: Message {
    public var admissionDate: String = ""
    public var courseLengthDays: Int32 = 0
    /// Day 10.
    public var mappingEnd: String = ""
    public var meeting1: DateWindow?
    public var meeting2: DateWindow?
    public var meeting3: DateWindow?
    /// Day L.
    public var lastDay: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        admissionDate: String = "", courseLengthDays: Int32 = 0, mappingEnd: String = "",
        meeting1: DateWindow? = nil, meeting2: DateWindow? = nil, meeting3: DateWindow? = nil, lastDay: String = ""
    ) {
        self.admissionDate = admissionDate
        self.courseLengthDays = courseLengthDays
        self.mappingEnd = mappingEnd
        self.meeting1 = meeting1
        self.meeting2 = meeting2
        self.meeting3 = meeting3
        self.lastDay = lastDay
    }

    public static let protoMessageName = "tilts.referral.v1.Timeline"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "admission_date", \.admissionDate),
        .int32(2, "course_length_days", \.courseLengthDays),
        .string(3, "mapping_end", \.mappingEnd),
        .message(4, "meeting1", \.meeting1),
        .message(5, "meeting2", \.meeting2),
        .message(6, "meeting3", \.meeting3),
        .string(7, "last_day", \.lastDay),
    ])
}

/// `tilts.referral.v1.Deviation`: a recorded departure from the pilot's rules.
public struct Deviation: Message {
    /// e.g. `"ADMITTED_WITHOUT_PRE_PLACEMENT_MEETING"`.
    public var kind: String = ""
    public var justification: String = ""
    public var recordedAt: Timestamp?
    public var unknownFields = UnknownFields()

    public init() {}

    public init(kind: String = "", justification: String = "", recordedAt: Timestamp? = nil) {
        self.kind = kind
        self.justification = justification
        self.recordedAt = recordedAt
    }

    public static let protoMessageName = "tilts.referral.v1.Deviation"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "kind", \.kind),
        .string(2, "justification", \.justification),
        .message(3, "recorded_at", \.recordedAt),
    ])
}

/// `tilts.referral.v1.Case`: an admitted child's course, with its timeline and how it ended.
public struct Case: Message {
    /// UUID.
    public var caseID: String = ""
    public var referralID: String = ""
    public var status: CaseStatus = .unspecified
    public var municipality: String = ""
    public var timeline: Timeline?
    public var allocationMethod: AllocationMethod = .unspecified
    public var deviations: [Deviation] = []
    public var terminationReason: TerminationReason = .unspecified
    public var terminationNote: String = ""
    public var endedOn: String = ""
    /// When the assessment service reported the final summary issued.
    public var finalSummaryIssuedOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        caseID: String = "", referralID: String = "", status: CaseStatus = .unspecified, municipality: String = "",
        timeline: Timeline? = nil, allocationMethod: AllocationMethod = .unspecified, deviations: [Deviation] = [],
        terminationReason: TerminationReason = .unspecified, terminationNote: String = "", endedOn: String = "",
        finalSummaryIssuedOn: String = ""
    ) {
        self.caseID = caseID
        self.referralID = referralID
        self.status = status
        self.municipality = municipality
        self.timeline = timeline
        self.allocationMethod = allocationMethod
        self.deviations = deviations
        self.terminationReason = terminationReason
        self.terminationNote = terminationNote
        self.endedOn = endedOn
        self.finalSummaryIssuedOn = finalSummaryIssuedOn
    }

    public static let protoMessageName = "tilts.referral.v1.Case"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "referral_id", \.referralID),
        .enum(3, "status", \.status),
        .string(4, "municipality", \.municipality),
        .message(5, "timeline", \.timeline),
        .enum(6, "allocation_method", \.allocationMethod),
        .repeated(7, "deviations", \.deviations, .message),
        .enum(8, "termination_reason", \.terminationReason),
        .string(9, "termination_note", \.terminationNote),
        .string(10, "ended_on", \.endedOn),
        .string(11, "final_summary_issued_on", \.finalSummaryIssuedOn),
    ])
}
