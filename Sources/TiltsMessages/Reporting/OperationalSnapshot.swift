public import TiltsWire

// `tilts.reporting.v1.ReportingService/GetOperationalSnapshot`: the centre's day as of a date.

/// `tilts.reporting.v1.GetOperationalSnapshotRequest`.
public struct GetOperationalSnapshotRequest: Message {
    /// Default: today in Riga.
    public var asOf: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(asOf: String) { self.asOf = asOf }

    public static let protoMessageName = "tilts.reporting.v1.GetOperationalSnapshotRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "as_of", \.asOf),
    ])
}

/// `tilts.reporting.v1.CohortCount`: children of one cohort.
public struct CohortCount: Message {
    public var courseLengthDays: Int32 = 0
    public var children: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.CohortCount"
    public static let fieldTable = FieldTable<Self>([
        .int32(1, "course_length_days", \.courseLengthDays),
        .message(2, "children", \.children),
    ])
}

/// `tilts.reporting.v1.StepCount`: children in course with one timeline step due or overdue.
public struct StepCount: Message {
    /// `mapping`, `meeting1`, `meeting2`, `meeting3` or `final_summary`.
    public var step: String = ""
    public var children: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.StepCount"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "step", \.step),
        .message(2, "children", \.children),
    ])
}

/// `tilts.reporting.v1.OperationalSnapshot`: the answer of GetOperationalSnapshot.
public struct OperationalSnapshot: Message {
    public var asOf: String = ""
    public var capacity: Int32 = 0
    public var inCourse: ReportCount?
    public var inCourseByCohort: [CohortCount] = []
    public var waiting: ReportCount?
    public var waitingUrgent: ReportCount?
    public var waitingWithoutPrePlacementMeeting: ReportCount?
    public var dueThisWeek: [StepCount] = []
    public var overdue: [StepCount] = []
    public var endingThisWeek: ReportCount?
    public var caveats: [Caveat] = []
    public var suppressionApplied: Bool = false
    /// Agreed actions at the children's meetings past due as of `asOf` (due before it, not done by it).
    public var overdueActions: ReportCount?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.reporting.v1.OperationalSnapshot"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "as_of", \.asOf),
        .int32(2, "capacity", \.capacity),
        .message(3, "in_course", \.inCourse),
        .repeated(4, "in_course_by_cohort", \.inCourseByCohort, .message),
        .message(5, "waiting", \.waiting),
        .message(6, "waiting_urgent", \.waitingUrgent),
        .message(7, "waiting_without_pre_placement_meeting", \.waitingWithoutPrePlacementMeeting),
        .repeated(8, "due_this_week", \.dueThisWeek, .message),
        .repeated(9, "overdue", \.overdue, .message),
        .message(10, "ending_this_week", \.endingThisWeek),
        .repeated(11, "caveats", \.caveats, .message),
        .bool(12, "suppression_applied", \.suppressionApplied),
        .message(13, "overdue_actions", \.overdueActions),
    ])
}
