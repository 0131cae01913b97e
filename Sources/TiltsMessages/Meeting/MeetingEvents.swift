public import TiltsWire

// Event payloads of the meeting service (`Event.source` is `"meeting"`): `Event.kind` names the
// message and `Event.payload` holds it, protobuf-encoded. `Event.caseID` is the case id for
// meetings 1–3, the referral id for pre-placement and empty for quarterly reviews. Events carry
// no names or free text: ids, kinds, days and timeliness only.

/// `tilts.meeting.v1.MeetingHeld`: a meeting's minutes were finalised.
///
/// The referral service reads pre-placement ones (the pre-placement meeting held); the assessment
/// service reads meeting 1 with `planApproved` (the plan may be approved).
public struct MeetingHeld: Message {
    public var meetingID: String = ""
    public var kind: MeetingKind = .unspecified
    /// Empty for pre-placement.
    public var caseID: String = ""
    /// Set for pre-placement.
    public var referralID: String = ""
    public var heldOn: String = ""
    /// Meeting 1: the rehabilitation plan was approved.
    public var planApproved: Bool = false
    public var municipality: String = ""
    public var heldInWindow: Bool = false
    public var quarter: Int32 = 0
    /// The actions agreed in the final minutes, without description or owner name.
    public var actions: [MeetingHeldAction] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingHeld"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .enum(2, "kind", \.kind),
        .string(3, "case_id", \.caseID),
        .string(4, "referral_id", \.referralID),
        .string(5, "held_on", \.heldOn),
        .bool(6, "plan_approved", \.planApproved),
        .string(7, "municipality", \.municipality),
        .bool(8, "held_in_window", \.heldInWindow),
        .int32(9, "quarter", \.quarter),
        .repeated(10, "actions", \.actions, .message),
    ])
}

/// `tilts.meeting.v1.MeetingHeldAction`: an agreed action as ``MeetingHeld`` reports it.
///
/// Only the id, the owning institution and the due day: the description and the owner's name are
/// free text and stay in the meeting service.
public struct MeetingHeldAction: Message {
    public var actionID: String = ""
    public var ownerInstitution: InstitutionKind = .unspecified
    /// `YYYY-MM-DD`.
    public var dueOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(actionID: String, ownerInstitution: InstitutionKind, dueOn: String) {
        self.actionID = actionID
        self.ownerInstitution = ownerInstitution
        self.dueOn = dueOn
    }

    public static let protoMessageName = "tilts.meeting.v1.MeetingHeldAction"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "action_id", \.actionID),
        .enum(2, "owner_institution", \.ownerInstitution),
        .string(3, "due_on", \.dueOn),
    ])
}

/// `tilts.meeting.v1.AgreedActionCompleted`: an agreed action was marked done
/// (`CompleteAgreedAction`), at most once per action.
///
/// Appended in the transaction that records the completion. The reporting service reads it with
/// ``MeetingHeld``'s actions to count the actions overdue.
public struct AgreedActionCompleted: Message {
    public var meetingID: String = ""
    public var kind: MeetingKind = .unspecified
    /// Empty for pre-placement.
    public var caseID: String = ""
    /// Set for pre-placement and meetings 1–3.
    public var referralID: String = ""
    public var municipality: String = ""
    public var actionID: String = ""
    /// `YYYY-MM-DD`.
    public var doneOn: String = ""
    /// Quarterly reviews: the pilot quarter.
    public var quarter: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.AgreedActionCompleted"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .enum(2, "kind", \.kind),
        .string(3, "case_id", \.caseID),
        .string(4, "referral_id", \.referralID),
        .string(5, "municipality", \.municipality),
        .string(6, "action_id", \.actionID),
        .string(7, "done_on", \.doneOn),
        .int32(8, "quarter", \.quarter),
    ])
}

/// `tilts.meeting.v1.MeetingScheduled`: a meeting was scheduled.
public struct MeetingScheduled: Message {
    public var meetingID: String = ""
    public var kind: MeetingKind = .unspecified
    public var caseID: String = ""
    public var referralID: String = ""
    public var municipality: String = ""
    public var scheduledOn: String = ""
    public var inWindow: Bool = false
    public var quarter: Int32 = 0
    public var convenedBy: InstitutionKind = .unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingScheduled"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .enum(2, "kind", \.kind),
        .string(3, "case_id", \.caseID),
        .string(4, "referral_id", \.referralID),
        .string(5, "municipality", \.municipality),
        .string(6, "scheduled_on", \.scheduledOn),
        .bool(7, "in_window", \.inWindow),
        .int32(8, "quarter", \.quarter),
        .enum(9, "convened_by", \.convenedBy),
    ])
}

/// `tilts.meeting.v1.MeetingRescheduled`: a scheduled meeting was moved.
public struct MeetingRescheduled: Message {
    public var meetingID: String = ""
    public var kind: MeetingKind = .unspecified
    public var caseID: String = ""
    public var referralID: String = ""
    public var municipality: String = ""
    public var scheduledOn: String = ""
    public var previousScheduledOn: String = ""
    public var inWindow: Bool = false
    public var quarter: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingRescheduled"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .enum(2, "kind", \.kind),
        .string(3, "case_id", \.caseID),
        .string(4, "referral_id", \.referralID),
        .string(5, "municipality", \.municipality),
        .string(6, "scheduled_on", \.scheduledOn),
        .string(7, "previous_scheduled_on", \.previousScheduledOn),
        .bool(8, "in_window", \.inWindow),
        .int32(9, "quarter", \.quarter),
    ])
}

/// `tilts.meeting.v1.MeetingCancelled`: a scheduled meeting was called off.
public struct MeetingCancelled: Message {
    public var meetingID: String = ""
    public var kind: MeetingKind = .unspecified
    public var caseID: String = ""
    public var referralID: String = ""
    public var municipality: String = ""
    public var cancelledOn: String = ""
    public var cause: MeetingCancellationCause = .unspecified
    public var quarter: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingCancelled"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .enum(2, "kind", \.kind),
        .string(3, "case_id", \.caseID),
        .string(4, "referral_id", \.referralID),
        .string(5, "municipality", \.municipality),
        .string(6, "cancelled_on", \.cancelledOn),
        .enum(7, "cause", \.cause),
        .int32(8, "quarter", \.quarter),
    ])
}

/// `tilts.meeting.v1.MeetingAddendumAdded`: a correction was appended to finalised minutes.
public struct MeetingAddendumAdded: Message {
    public var meetingID: String = ""
    public var kind: MeetingKind = .unspecified
    public var caseID: String = ""
    public var referralID: String = ""
    public var addedOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingAddendumAdded"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "meeting_id", \.meetingID),
        .enum(2, "kind", \.kind),
        .string(3, "case_id", \.caseID),
        .string(4, "referral_id", \.referralID),
        .string(5, "added_on", \.addedOn),
    ])
}

/// `tilts.meeting.v1.MeetingRequirementMissed`: a required meeting's window closed without it held.
public struct MeetingRequirementMissed: Message {
    public var kind: MeetingKind = .unspecified
    public var caseID: String = ""
    public var referralID: String = ""
    public var municipality: String = ""
    public var window: DateWindow?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.meeting.v1.MeetingRequirementMissed"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "kind", \.kind),
        .string(2, "case_id", \.caseID),
        .string(3, "referral_id", \.referralID),
        .string(4, "municipality", \.municipality),
        .message(5, "window", \.window),
    ])
}
