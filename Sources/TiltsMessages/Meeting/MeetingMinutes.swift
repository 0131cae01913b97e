public import TiltsWire

/// `tilts.meeting.v1.MeetingAttendance`: one invited participant's attendance.
public struct MeetingAttendance: Message {
    public var participantID: String = ""
    public var status: MeetingAttendanceStatus = .unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public init(participantID: String, status: MeetingAttendanceStatus) {
        self.participantID = participantID
        self.status = status
    }

    public static let protoMessageName = "tilts.meeting.v1.MeetingAttendance"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "participant_id", \.participantID),
        .enum(2, "status", \.status),
    ])
}

/// `tilts.meeting.v1.MeetingParticipantReport`: what one participant's institution reported.
public struct MeetingParticipantReport: Message {
    public var participantID: String = ""
    public var text: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(participantID: String, text: String) {
        self.participantID = participantID
        self.text = text
    }

    public static let protoMessageName = "tilts.meeting.v1.MeetingParticipantReport"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "participant_id", \.participantID),
        .string(2, "text", \.text),
    ])
}

/// `tilts.meeting.v1.MeetingAgreedAction`: an action agreed at a meeting, owned by one institution.
public struct MeetingAgreedAction: Message {
    /// Assigned by the service.
    public var actionID: String = ""
    public var description: String = ""
    public var ownerInstitution: InstitutionKind = .unspecified
    public var ownerName: String = ""
    /// `YYYY-MM-DD`.
    public var dueOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        actionID: String = "", description: String, ownerInstitution: InstitutionKind, ownerName: String = "",
        dueOn: String
    ) {
        self.actionID = actionID
        self.description = description
        self.ownerInstitution = ownerInstitution
        self.ownerName = ownerName
        self.dueOn = dueOn
    }

    public static let protoMessageName = "tilts.meeting.v1.MeetingAgreedAction"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "action_id", \.actionID),
        .string(2, "description", \.description),
        .enum(3, "owner_institution", \.ownerInstitution),
        .string(4, "owner_name", \.ownerName),
        .string(5, "due_on", \.dueOn),
    ])
}

/// `tilts.meeting.v1.MeetingMinutes`: who attended, what each reported, decisions and actions.
public struct MeetingMinutes: Message {
    /// `YYYY-MM-DD`.
    public var heldOn: String = ""
    /// One per invited participant once finalised.
    public var attendance: [MeetingAttendance] = []
    public var reports: [MeetingParticipantReport] = []
    public var decisions: [String] = []
    public var actions: [MeetingAgreedAction] = []
    /// Meeting 1 only: the rehabilitation plan was approved.
    public var planApproved: Bool = false
    public var finalised: Bool = false
    public var recordedAt: Timestamp?
    public var finalisedAt: Timestamp?
    /// The principal's subject who recorded them last.
    public var recordedBy: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingMinutes"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "held_on", \.heldOn),
        .repeated(2, "attendance", \.attendance, .message),
        .repeated(3, "reports", \.reports, .message),
        .repeated(4, "decisions", \.decisions, .string),
        .repeated(5, "actions", \.actions, .message),
        .bool(6, "plan_approved", \.planApproved),
        .bool(7, "finalised", \.finalised),
        .message(8, "recorded_at", \.recordedAt),
        .message(9, "finalised_at", \.finalisedAt),
        .string(10, "recorded_by", \.recordedBy),
    ])
}

/// `tilts.meeting.v1.MeetingAddendum`: a correction appended to finalised minutes.
public struct MeetingAddendum: Message {
    public var addendumID: String = ""
    public var text: String = ""
    public var addedAt: Timestamp?
    public var addedByInstitution: InstitutionKind = .unspecified
    public var addedBy: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingAddendum"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "addendum_id", \.addendumID),
        .string(2, "text", \.text),
        .message(3, "added_at", \.addedAt),
        .enum(4, "added_by_institution", \.addedByInstitution),
        .string(5, "added_by", \.addedBy),
    ])
}

/// `tilts.meeting.v1.MeetingActionCompletion`: an agreed action marked done.
public struct MeetingActionCompletion: Message {
    public var actionID: String = ""
    /// `YYYY-MM-DD`.
    public var doneOn: String = ""
    public var recordedBy: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(actionID: String, doneOn: String, recordedBy: String) {
        self.actionID = actionID
        self.doneOn = doneOn
        self.recordedBy = recordedBy
    }

    public static let protoMessageName = "tilts.meeting.v1.MeetingActionCompletion"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "action_id", \.actionID),
        .string(2, "done_on", \.doneOn),
        .string(3, "recorded_by", \.recordedBy),
    ])
}
