public import TiltsWire

// The enums of `Proto/tilts/referral/v1/referral.proto`. All are open: numbers this build does
// not name decode, compare and re-encode unchanged.

/// `tilts.referral.v1.Sex`: the child's sex as the referral states it.
public struct Sex: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let female = Self(rawValue: 1)
    public static let male = Self(rawValue: 2)

    public static let protoEnumName = "tilts.referral.v1.Sex"
    public static let nameTable: [(Int32, String)] = [
        (0, "SEX_UNSPECIFIED"), (1, "FEMALE"), (2, "MALE"),
    ]
}

/// `tilts.referral.v1.ViolenceType`: a kind of violence the child has experienced.
public struct ViolenceType: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let physical = Self(rawValue: 1)
    public static let emotional = Self(rawValue: 2)
    public static let sexual = Self(rawValue: 3)
    public static let neglect = Self(rawValue: 4)

    public static let protoEnumName = "tilts.referral.v1.ViolenceType"
    public static let nameTable: [(Int32, String)] = [
        (0, "VIOLENCE_TYPE_UNSPECIFIED"), (1, "PHYSICAL"), (2, "EMOTIONAL"), (3, "SEXUAL"), (4, "NEGLECT"),
    ]
}

/// `tilts.referral.v1.RequestedLength`: the course length the social service asks for.
public struct RequestedLength: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let requested40Days = Self(rawValue: 1)
    public static let requested70Days = Self(rawValue: 2)
    public static let centreDecides = Self(rawValue: 3)

    public static let protoEnumName = "tilts.referral.v1.RequestedLength"
    public static let nameTable: [(Int32, String)] = [
        (0, "REQUESTED_LENGTH_UNSPECIFIED"), (1, "REQUESTED_40_DAYS"), (2, "REQUESTED_70_DAYS"),
        (3, "CENTRE_DECIDES"),
    ]
}

/// `tilts.referral.v1.AllocationMethod`: how a case's course length was chosen.
public struct AllocationMethod: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    /// The length the social service requested.
    public static let asRequested = Self(rawValue: 1)
    /// The centre chose the length.
    public static let centreChoice = Self(rawValue: 2)
    /// Permuted blocks stratified by age band, from the configured seed.
    public static let randomized = Self(rawValue: 3)

    public static let protoEnumName = "tilts.referral.v1.AllocationMethod"
    public static let nameTable: [(Int32, String)] = [
        (0, "ALLOCATION_METHOD_UNSPECIFIED"), (1, "AS_REQUESTED"), (2, "CENTRE_CHOICE"), (3, "RANDOMIZED"),
    ]
}

/// `tilts.referral.v1.ReferralStatus`: where a referral stands, from receipt to admission or closing.
public struct ReferralStatus: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let received = Self(rawValue: 1)
    /// The pre-placement meeting has been held; the child waits for a place.
    public static let prePlacementMeetingHeld = Self(rawValue: 2)
    public static let admitted = Self(rawValue: 3)
    public static let withdrawn = Self(rawValue: 4)
    public static let declined = Self(rawValue: 5)

    public static let protoEnumName = "tilts.referral.v1.ReferralStatus"
    public static let nameTable: [(Int32, String)] = [
        (0, "REFERRAL_STATUS_UNSPECIFIED"), (1, "RECEIVED"), (2, "PRE_PLACEMENT_MEETING_HELD"), (3, "ADMITTED"),
        (4, "WITHDRAWN"), (5, "DECLINED"),
    ]
}

/// `tilts.referral.v1.CaseStatus`: whether a course is running, completed or ended early.
public struct CaseStatus: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let inCourse = Self(rawValue: 1)
    public static let completed = Self(rawValue: 2)
    public static let terminatedEarly = Self(rawValue: 3)

    public static let protoEnumName = "tilts.referral.v1.CaseStatus"
    public static let nameTable: [(Int32, String)] = [
        (0, "CASE_STATUS_UNSPECIFIED"), (1, "IN_COURSE"), (2, "COMPLETED"), (3, "TERMINATED_EARLY"),
    ]
}

/// `tilts.referral.v1.TerminationReason`: early termination reasons seen in national statistics
/// (DESIGN section 2).
public struct TerminationReason: ProtoEnum {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unspecified = Self(rawValue: 0)
    public static let finishedEarly = Self(rawValue: 1)
    public static let changeOfRehabilitationType = Self(rawValue: 2)
    public static let healthWorsened = Self(rawValue: 3)
    public static let childOrParentsDecision = Self(rawValue: 4)
    public static let ranAway = Self(rawValue: 5)
    public static let brokeTheRules = Self(rawValue: 6)
    public static let other = Self(rawValue: 7)

    public static let protoEnumName = "tilts.referral.v1.TerminationReason"
    public static let nameTable: [(Int32, String)] = [
        (0, "TERMINATION_REASON_UNSPECIFIED"), (1, "FINISHED_EARLY"), (2, "CHANGE_OF_REHABILITATION_TYPE"),
        (3, "HEALTH_WORSENED"), (4, "CHILD_OR_PARENTS_DECISION"), (5, "RAN_AWAY"), (6, "BROKE_THE_RULES"),
        (7, "OTHER"),
    ]
}
