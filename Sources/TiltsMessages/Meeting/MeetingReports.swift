public import TiltsWire

// The reading methods of `tilts.meeting.v1.MeetingService` beyond single meetings: what is due or
// overdue, and calendar export.

/// `tilts.meeting.v1.ListDueAndOverdueRequest`: required meetings as of a day, one case or all.
public struct ListDueAndOverdueRequest: Message {
    /// Default: today.
    public var asOf: String = ""
    /// Empty: every case the caller may see.
    public var caseID: String = ""
    /// Only requirements overdue as of `asOf`.
    public var overdueOnly: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public init(asOf: String = "", caseID: String = "", overdueOnly: Bool = false) {
        self.asOf = asOf
        self.caseID = caseID
        self.overdueOnly = overdueOnly
    }

    public static let protoMessageName = "tilts.meeting.v1.ListDueAndOverdueRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "as_of", \.asOf),
        .string(2, "case_id", \.caseID),
        .bool(3, "overdue_only", \.overdueOnly),
    ])
}

/// `tilts.meeting.v1.MeetingRequirement`: a required meeting and where it stands.
public struct MeetingRequirement: Message {
    public var kind: MeetingKind = .unspecified
    public var caseID: String = ""
    public var referralID: String = ""
    public var municipality: String = ""
    public var quarter: Int32 = 0
    /// Pre-placement: `last` is empty until the child is admitted.
    public var window: DateWindow?
    public var status: MeetingRequirementStatus = .unspecified
    /// The window closed without the meeting held.
    public var overdue: Bool = false
    public var meetingID: String = ""
    public var scheduledOn: String = ""
    public var heldOn: String = ""
    /// Pre-placement: the referral service recorded the meeting held at admission.
    public var heldAsReportedAtAdmission: Bool = false
    public var cancelledOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingRequirement"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "kind", \.kind),
        .string(2, "case_id", \.caseID),
        .string(3, "referral_id", \.referralID),
        .string(4, "municipality", \.municipality),
        .int32(5, "quarter", \.quarter),
        .message(6, "window", \.window),
        .enum(7, "status", \.status),
        .bool(8, "overdue", \.overdue),
        .string(9, "meeting_id", \.meetingID),
        .string(10, "scheduled_on", \.scheduledOn),
        .string(11, "held_on", \.heldOn),
        .bool(12, "held_as_reported_at_admission", \.heldAsReportedAtAdmission),
        .string(13, "cancelled_on", \.cancelledOn),
    ])
}

/// `tilts.meeting.v1.OverdueMeetingAction`: an agreed action past its due day and not done.
public struct OverdueMeetingAction: Message {
    public var meetingID: String = ""
    public var meetingKind: MeetingKind = .unspecified
    public var caseID: String = ""
    public var municipality: String = ""
    public var action: MeetingAgreedAction?
    public var daysPastDue: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.OverdueMeetingAction"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .enum(2, "meeting_kind", \.meetingKind),
        .string(3, "case_id", \.caseID),
        .string(4, "municipality", \.municipality),
        .message(5, "action", \.action),
        .int32(6, "days_past_due", \.daysPastDue),
    ])
}

/// `tilts.meeting.v1.ListDueAndOverdueResponse`: requirements with their status, and actions past due.
public struct ListDueAndOverdueResponse: Message {
    public var asOf: String = ""
    public var requirements: [MeetingRequirement] = []
    public var overdueActions: [OverdueMeetingAction] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.ListDueAndOverdueResponse"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "as_of", \.asOf),
        .repeated(2, "requirements", \.requirements, .message),
        .repeated(3, "overdue_actions", \.overdueActions, .message),
    ])
}

/// `tilts.meeting.v1.ExportCalendarRequest`: an iCalendar invitation for one meeting.
public struct ExportCalendarRequest: Message {
    public var meetingID: String = ""
    /// True: times in UTC; false: Riga local time with a VTIMEZONE.
    public var utc: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public init(meetingID: String, utc: Bool = false) {
        self.meetingID = meetingID
        self.utc = utc
    }

    public static let protoMessageName = "tilts.meeting.v1.ExportCalendarRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .bool(2, "utc", \.utc),
    ])
}

/// `tilts.meeting.v1.ExportCalendarResponse`: the iCalendar text and how to save it.
public struct ExportCalendarResponse: Message {
    public var filename: String = ""
    public var contentType: String = ""
    /// CRLF line endings, lines folded at 75 octets.
    public var ics: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.ExportCalendarResponse"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "filename", \.filename),
        .string(2, "content_type", \.contentType),
        .string(3, "ics", \.ics),
    ])
}
