public import TiltsWire

/// `tilts.meeting.v1.MeetingParticipant`: an invited institution, optionally a person and a contact.
public struct MeetingParticipant: Message {
    /// Assigned by the service; minutes refer to participants by it.
    public var participantID: String = ""
    public var institution: InstitutionKind = .unspecified
    /// e.g. `"Rīgas Sociālais dienests"`.
    public var institutionName: String = ""
    /// For social service and orphan's court participants: their municipality code.
    public var municipality: String = ""
    public var person: String = ""
    public var email: String = ""
    public var phone: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        participantID: String = "", institution: InstitutionKind, institutionName: String, municipality: String = "",
        person: String = "", email: String = "", phone: String = ""
    ) {
        self.participantID = participantID
        self.institution = institution
        self.institutionName = institutionName
        self.municipality = municipality
        self.person = person
        self.email = email
        self.phone = phone
    }

    public static let protoMessageName = "tilts.meeting.v1.MeetingParticipant"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "participant_id", \.participantID),
        .enum(2, "institution", \.institution),
        .string(3, "institution_name", \.institutionName),
        .string(4, "municipality", \.municipality),
        .string(5, "person", \.person),
        .string(6, "email", \.email),
        .string(7, "phone", \.phone),
    ])
}

/// `tilts.meeting.v1.MeetingChange`: one entry of a meeting's history.
public struct MeetingChange: Message {
    public var kind: MeetingChangeKind = .unspecified
    public var at: Timestamp?
    public var byInstitution: InstitutionKind = .unspecified
    /// The principal's subject, or `"service:meeting-service"` for changes that follow referral events.
    public var by: String = ""
    public var reason: String = ""
    /// The time set (scheduled, rescheduled).
    public var startsAt: Timestamp?
    public var durationMinutes: Int32 = 0
    /// The time before a reschedule.
    public var previousStartsAt: Timestamp?
    public var previousDurationMinutes: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingChange"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "kind", \.kind),
        .message(2, "at", \.at),
        .enum(3, "by_institution", \.byInstitution),
        .string(4, "by", \.by),
        .string(5, "reason", \.reason),
        .message(6, "starts_at", \.startsAt),
        .int32(7, "duration_minutes", \.durationMinutes),
        .message(8, "previous_starts_at", \.previousStartsAt),
        .int32(9, "previous_duration_minutes", \.previousDurationMinutes),
    ])
}

/// `tilts.meeting.v1.Meeting`: one inter-institutional meeting (STIS) with its minutes and history.
///
/// A value type; safe from any thread.
public struct Meeting: Message {
    /// UUID.
    public var meetingID: String = ""
    public var kind: MeetingKind = .unspecified
    public var status: MeetingStatus = .unspecified
    /// Meetings 1–3: the case. Pre-placement: empty until the child is admitted.
    public var caseID: String = ""
    /// The child's referral (pre-placement and meetings 1–3).
    public var referralID: String = ""
    /// The child's municipality (empty for quarterly reviews).
    public var municipality: String = ""
    /// Quarterly review: the pilot quarter, from 1.
    public var quarter: Int32 = 0
    public var startsAt: Timestamp?
    public var durationMinutes: Int32 = 0
    /// The Riga calendar day of `startsAt`.
    public var scheduledOn: String = ""
    public var mode: MeetingMode = .unspecified
    public var place: String = ""
    public var remoteLink: String = ""
    public var convenedBy: InstitutionKind = .unspecified
    public var participants: [MeetingParticipant] = []
    /// The requirement's window as known now.
    public var window: DateWindow?
    /// Whether the scheduled day (once held, the day held) lies in the window.
    public var inWindow: Bool = false
    public var outsideWindowReason: String = ""
    public var minutes: MeetingMinutes?
    public var addenda: [MeetingAddendum] = []
    public var completedActions: [MeetingActionCompletion] = []
    public var cancellationReason: String = ""
    public var cancellationCause: MeetingCancellationCause = .unspecified
    public var history: [MeetingChange] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.Meeting"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .enum(2, "kind", \.kind),
        .enum(3, "status", \.status),
        .string(4, "case_id", \.caseID),
        .string(5, "referral_id", \.referralID),
        .string(6, "municipality", \.municipality),
        .int32(7, "quarter", \.quarter),
        .message(8, "starts_at", \.startsAt),
        .int32(9, "duration_minutes", \.durationMinutes),
        .string(10, "scheduled_on", \.scheduledOn),
        .enum(11, "mode", \.mode),
        .string(12, "place", \.place),
        .string(13, "remote_link", \.remoteLink),
        .enum(14, "convened_by", \.convenedBy),
        .repeated(15, "participants", \.participants, .message),
        .message(16, "window", \.window),
        .bool(17, "in_window", \.inWindow),
        .string(18, "outside_window_reason", \.outsideWindowReason),
        .message(19, "minutes", \.minutes),
        .repeated(20, "addenda", \.addenda, .message),
        .repeated(21, "completed_actions", \.completedActions, .message),
        .string(22, "cancellation_reason", \.cancellationReason),
        .enum(23, "cancellation_cause", \.cancellationCause),
        .repeated(24, "history", \.history, .message),
    ])
}
