public import TiltsWire

// The enums of `Proto/tilts/meeting/v1/meeting.proto`. All are open: numbers this build does
// not name decode, compare and re-encode unchanged.

/// `tilts.meeting.v1.MeetingKind`: which of the pilot's meetings (DESIGN section 2).
public struct MeetingKind: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    /// Before admission; the social service convenes.
    public static let prePlacement = Self(rawValue: 1)
    /// Days 7–9: mapping results, the rehabilitation plan approved.
    public static let meeting1 = Self(rawValue: 2)
    /// The middle of the rehabilitation phase.
    public static let meeting2 = Self(rawValue: 3)
    /// 5–7 days before the end.
    public static let meeting3 = Self(rawValue: 4)
    /// Once per pilot quarter.
    public static let quarterlyReview = Self(rawValue: 5)

    public static let protoEnumName = "tilts.meeting.v1.MeetingKind"
    public static let nameTable: [(Int32, String)] = [
        (0, "MEETING_KIND_UNSPECIFIED"), (1, "PRE_PLACEMENT"), (2, "MEETING_1"), (3, "MEETING_2"), (4, "MEETING_3"),
        (5, "QUARTERLY_REVIEW"),
    ]
}

/// `tilts.meeting.v1.MeetingStatus`: a meeting's life, from scheduled to held or cancelled.
public struct MeetingStatus: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let scheduled = Self(rawValue: 1)
    /// Held; its minutes are a draft.
    public static let minutesDraft = Self(rawValue: 2)
    /// Held; its minutes are final.
    public static let held = Self(rawValue: 3)
    public static let cancelled = Self(rawValue: 4)

    public static let protoEnumName = "tilts.meeting.v1.MeetingStatus"
    public static let nameTable: [(Int32, String)] = [
        (0, "MEETING_STATUS_UNSPECIFIED"), (1, "SCHEDULED"), (2, "MINUTES_DRAFT"), (3, "HELD"), (4, "CANCELLED"),
    ]
}

/// `tilts.meeting.v1.MeetingMode`: in person, or remote with a link.
public struct MeetingMode: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let inPerson = Self(rawValue: 1)
    /// Needs a remote link.
    public static let remote = Self(rawValue: 2)

    public static let protoEnumName = "tilts.meeting.v1.MeetingMode"
    public static let nameTable: [(Int32, String)] = [
        (0, "MEETING_MODE_UNSPECIFIED"), (1, "IN_PERSON"), (2, "REMOTE"),
    ]
}

/// `tilts.meeting.v1.MeetingAttendanceStatus`: whether an invited participant came.
public struct MeetingAttendanceStatus: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let attended = Self(rawValue: 1)
    public static let excused = Self(rawValue: 2)
    public static let absent = Self(rawValue: 3)

    public static let protoEnumName = "tilts.meeting.v1.MeetingAttendanceStatus"
    public static let nameTable: [(Int32, String)] = [
        (0, "MEETING_ATTENDANCE_STATUS_UNSPECIFIED"), (1, "ATTENDED"), (2, "EXCUSED"), (3, "ABSENT"),
    ]
}

/// `tilts.meeting.v1.MeetingRequirementStatus`: where a required meeting stands as of a day.
public struct MeetingRequirementStatus: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let upcoming = Self(rawValue: 1)
    public static let due = Self(rawValue: 2)
    public static let scheduled = Self(rawValue: 3)
    public static let heldInWindow = Self(rawValue: 4)
    public static let heldLate = Self(rawValue: 5)
    public static let heldEarly = Self(rawValue: 6)
    public static let missed = Self(rawValue: 7)
    public static let cancelled = Self(rawValue: 8)

    public static let protoEnumName = "tilts.meeting.v1.MeetingRequirementStatus"
    public static let nameTable: [(Int32, String)] = [
        (0, "MEETING_REQUIREMENT_STATUS_UNSPECIFIED"), (1, "REQUIREMENT_UPCOMING"), (2, "REQUIREMENT_DUE"),
        (3, "REQUIREMENT_SCHEDULED"), (4, "REQUIREMENT_HELD_IN_WINDOW"), (5, "REQUIREMENT_HELD_LATE"),
        (6, "REQUIREMENT_HELD_EARLY"), (7, "REQUIREMENT_MISSED"), (8, "REQUIREMENT_CANCELLED"),
    ]
}

/// `tilts.meeting.v1.MeetingChangeKind`: what one entry of a meeting's history records.
public struct MeetingChangeKind: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let scheduled = Self(rawValue: 1)
    public static let rescheduled = Self(rawValue: 2)
    public static let cancelled = Self(rawValue: 3)
    public static let minutesDrafted = Self(rawValue: 4)
    public static let minutesFinalised = Self(rawValue: 5)
    public static let addendumAdded = Self(rawValue: 6)
    public static let actionCompleted = Self(rawValue: 7)

    public static let protoEnumName = "tilts.meeting.v1.MeetingChangeKind"
    public static let nameTable: [(Int32, String)] = [
        (0, "MEETING_CHANGE_KIND_UNSPECIFIED"), (1, "CHANGE_SCHEDULED"), (2, "CHANGE_RESCHEDULED"),
        (3, "CHANGE_CANCELLED"), (4, "CHANGE_MINUTES_DRAFTED"), (5, "CHANGE_MINUTES_FINALISED"),
        (6, "CHANGE_ADDENDUM_ADDED"), (7, "CHANGE_ACTION_COMPLETED"),
    ]
}

/// `tilts.meeting.v1.MeetingCancellationCause`: why a meeting was cancelled.
public struct MeetingCancellationCause: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    /// `CancelMeeting`.
    public static let onRequest = Self(rawValue: 1)
    /// The referral was withdrawn or declined.
    public static let referralClosed = Self(rawValue: 2)
    /// The case was completed or terminated.
    public static let caseEnded = Self(rawValue: 3)

    public static let protoEnumName = "tilts.meeting.v1.MeetingCancellationCause"
    public static let nameTable: [(Int32, String)] = [
        (0, "MEETING_CANCELLATION_CAUSE_UNSPECIFIED"), (1, "CANCELLED_ON_REQUEST"), (2, "CANCELLED_REFERRAL_CLOSED"),
        (3, "CANCELLED_CASE_ENDED"),
    ]
}
