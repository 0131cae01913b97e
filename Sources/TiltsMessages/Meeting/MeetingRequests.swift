public import TiltsWire

// Requests and responses of the meeting methods of `tilts.meeting.v1.MeetingService`.

/// `tilts.meeting.v1.ScheduleMeetingRequest`: schedules one of a child's meetings.
public struct ScheduleMeetingRequest: Message {
    /// Idempotency key chosen by the client.
    public var requestID: String = ""
    public var kind: MeetingKind = .unspecified
    /// Meetings 1–3.
    public var caseID: String = ""
    /// Pre-placement (meetings 1–3 accept the admitted referral instead of a case id).
    public var referralID: String = ""
    public var startsAt: Timestamp?
    /// Give `durationMinutes` or `endsAt`.
    public var durationMinutes: Int32 = 0
    public var endsAt: Timestamp?
    public var mode: MeetingMode = .unspecified
    public var place: String = ""
    /// Required for remote meetings.
    public var remoteLink: String = ""
    /// At least one; the service assigns participant ids.
    public var participants: [MeetingParticipant] = []
    /// Required when the meeting falls outside its requirement's window.
    public var outsideWindowReason: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.ScheduleMeetingRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .enum(2, "kind", \.kind),
        .string(3, "case_id", \.caseID),
        .string(4, "referral_id", \.referralID),
        .message(5, "starts_at", \.startsAt),
        .int32(6, "duration_minutes", \.durationMinutes),
        .message(7, "ends_at", \.endsAt),
        .enum(8, "mode", \.mode),
        .string(9, "place", \.place),
        .string(10, "remote_link", \.remoteLink),
        .repeated(11, "participants", \.participants, .message),
        .string(12, "outside_window_reason", \.outsideWindowReason),
    ])
}

/// `tilts.meeting.v1.RescheduleMeetingRequest`: moves a scheduled meeting, with a reason.
public struct RescheduleMeetingRequest: Message {
    public var requestID: String = ""
    public var meetingID: String = ""
    public var startsAt: Timestamp?
    /// Give `durationMinutes` or `endsAt`; neither keeps the current duration.
    public var durationMinutes: Int32 = 0
    public var endsAt: Timestamp?
    public var reason: String = ""
    public var outsideWindowReason: String = ""
    /// Unspecified keeps the current mode; empty place and link keep the current ones.
    public var mode: MeetingMode = .unspecified
    public var place: String = ""
    public var remoteLink: String = ""
    /// Empty keeps the invited participants; otherwise replaces them.
    public var participants: [MeetingParticipant] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.RescheduleMeetingRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "meeting_id", \.meetingID),
        .message(3, "starts_at", \.startsAt),
        .int32(4, "duration_minutes", \.durationMinutes),
        .message(5, "ends_at", \.endsAt),
        .string(6, "reason", \.reason),
        .string(7, "outside_window_reason", \.outsideWindowReason),
        .enum(8, "mode", \.mode),
        .string(9, "place", \.place),
        .string(10, "remote_link", \.remoteLink),
        .repeated(11, "participants", \.participants, .message),
    ])
}

/// `tilts.meeting.v1.CancelMeetingRequest`: calls a scheduled meeting off, with a reason.
public struct CancelMeetingRequest: Message {
    public var requestID: String = ""
    public var meetingID: String = ""
    public var reason: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(requestID: String, meetingID: String, reason: String) {
        self.requestID = requestID
        self.meetingID = meetingID
        self.reason = reason
    }

    public static let protoMessageName = "tilts.meeting.v1.CancelMeetingRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "meeting_id", \.meetingID),
        .string(3, "reason", \.reason),
    ])
}

/// `tilts.meeting.v1.RecordMinutesRequest`: stores draft minutes, or finalises them.
public struct RecordMinutesRequest: Message {
    public var requestID: String = ""
    public var meetingID: String = ""
    public var heldOn: String = ""
    public var attendance: [MeetingAttendance] = []
    public var reports: [MeetingParticipantReport] = []
    public var decisions: [String] = []
    /// The service assigns action ids.
    public var actions: [MeetingAgreedAction] = []
    /// Meeting 1 only.
    public var planApproved: Bool = false
    /// False stores (or replaces) the draft; true finalises.
    public var finalise: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.RecordMinutesRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "meeting_id", \.meetingID),
        .string(3, "held_on", \.heldOn),
        .repeated(4, "attendance", \.attendance, .message),
        .repeated(5, "reports", \.reports, .message),
        .repeated(6, "decisions", \.decisions, .string),
        .repeated(7, "actions", \.actions, .message),
        .bool(8, "plan_approved", \.planApproved),
        .bool(9, "finalise", \.finalise),
    ])
}

/// `tilts.meeting.v1.AddMinutesAddendumRequest`: appends a correction to finalised minutes.
public struct AddMinutesAddendumRequest: Message {
    public var requestID: String = ""
    public var meetingID: String = ""
    public var text: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(requestID: String, meetingID: String, text: String) {
        self.requestID = requestID
        self.meetingID = meetingID
        self.text = text
    }

    public static let protoMessageName = "tilts.meeting.v1.AddMinutesAddendumRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "meeting_id", \.meetingID),
        .string(3, "text", \.text),
    ])
}

/// `tilts.meeting.v1.CompleteAgreedActionRequest`: marks an agreed action done.
public struct CompleteAgreedActionRequest: Message {
    public var requestID: String = ""
    public var meetingID: String = ""
    public var actionID: String = ""
    /// Default: today.
    public var doneOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.CompleteAgreedActionRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "meeting_id", \.meetingID),
        .string(3, "action_id", \.actionID),
        .string(4, "done_on", \.doneOn),
    ])
}

/// `tilts.meeting.v1.GetMeetingRequest`: asks for one meeting by id.
public struct GetMeetingRequest: Message {
    public var meetingID: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(meetingID: String) {
        self.meetingID = meetingID
    }

    public static let protoMessageName = "tilts.meeting.v1.GetMeetingRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
    ])
}

/// `tilts.meeting.v1.ListMeetingsRequest`: a filtered, paged list of meetings.
public struct ListMeetingsRequest: Message {
    public var caseID: String = ""
    public var referralID: String = ""
    public var kinds: [MeetingKind] = []
    public var statuses: [MeetingStatus] = []
    /// Scheduled on or after this day.
    public var scheduledFrom: String = ""
    /// Scheduled on or before this day.
    public var scheduledTo: String = ""
    /// Empty: every municipality the caller may see.
    public var municipality: String = ""
    public var pageSize: Int32 = 0
    public var pageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.ListMeetingsRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "referral_id", \.referralID),
        .repeated(3, "kinds", \.kinds, .enum),
        .repeated(4, "statuses", \.statuses, .enum),
        .string(5, "scheduled_from", \.scheduledFrom),
        .string(6, "scheduled_to", \.scheduledTo),
        .string(7, "municipality", \.municipality),
        .int32(8, "page_size", \.pageSize),
        .string(9, "page_token", \.pageToken),
    ])
}

/// `tilts.meeting.v1.ListMeetingsResponse`: one page of meetings, by start time then id.
public struct ListMeetingsResponse: Message {
    public var meetings: [Meeting] = []
    public var nextPageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.ListMeetingsResponse"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "meetings", \.meetings, .message),
        .string(2, "next_page_token", \.nextPageToken),
    ])
}

/// `tilts.meeting.v1.PlanQuarterlyReviewRequest`: creates a pilot quarter's review meeting.
public struct PlanQuarterlyReviewRequest: Message {
    public var requestID: String = ""
    /// The pilot quarter, from 1.
    public var quarter: Int32 = 0
    public var startsAt: Timestamp?
    public var durationMinutes: Int32 = 0
    public var endsAt: Timestamp?
    public var mode: MeetingMode = .unspecified
    public var place: String = ""
    public var remoteLink: String = ""
    /// Invite the child protection centre (BAC) too.
    public var inviteChildProtectionCentre: Bool = false
    /// Participants beyond those the service invites.
    public var additionalParticipants: [MeetingParticipant] = []
    /// Required when the meeting falls outside the quarter.
    public var outsideWindowReason: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.PlanQuarterlyReviewRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .int32(2, "quarter", \.quarter),
        .message(3, "starts_at", \.startsAt),
        .int32(4, "duration_minutes", \.durationMinutes),
        .message(5, "ends_at", \.endsAt),
        .enum(6, "mode", \.mode),
        .string(7, "place", \.place),
        .string(8, "remote_link", \.remoteLink),
        .bool(9, "invite_child_protection_centre", \.inviteChildProtectionCentre),
        .repeated(10, "additional_participants", \.additionalParticipants, .message),
        .string(11, "outside_window_reason", \.outsideWindowReason),
    ])
}
