public import TiltsWire

// Event payloads of the referral service: `tilts.common.v1.Event.kind` names the message and
// `Event.payload` holds it, protobuf-encoded. Events carry no names, personal codes or free
// text: consumers such as reporting must not get them.

/// `tilts.referral.v1.ReferralSubmitted`: a social service referred a child.
public struct ReferralSubmitted: Message {
    public var referralID: String = ""
    public var municipality: String = ""
    public var receivedOn: String = ""
    public var urgent: Bool = false
    public var requestedLength: RequestedLength = .unspecified
    public var sex: Sex = .unspecified
    public var ageYears: Int32 = 0
    public var violenceTypes: [ViolenceType] = []
    public var orphansCourtInvolved: Bool = false
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        referralID: String = "", municipality: String = "", receivedOn: String = "", urgent: Bool = false,
        requestedLength: RequestedLength = .unspecified, sex: Sex = .unspecified, ageYears: Int32 = 0,
        violenceTypes: [ViolenceType] = [], orphansCourtInvolved: Bool = false
    ) {
        self.referralID = referralID
        self.municipality = municipality
        self.receivedOn = receivedOn
        self.urgent = urgent
        self.requestedLength = requestedLength
        self.sex = sex
        self.ageYears = ageYears
        self.violenceTypes = violenceTypes
        self.orphansCourtInvolved = orphansCourtInvolved
    }

    public static let protoMessageName = "tilts.referral.v1.ReferralSubmitted"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "referral_id", \.referralID),
        .string(2, "municipality", \.municipality),
        .string(3, "received_on", \.receivedOn),
        .bool(4, "urgent", \.urgent),
        .enum(5, "requested_length", \.requestedLength),
        .enum(6, "sex", \.sex),
        .int32(7, "age_years", \.ageYears),
        .repeated(8, "violence_types", \.violenceTypes, .enum),
        .bool(9, "orphans_court_involved", \.orphansCourtInvolved),
    ])
}

/// `tilts.referral.v1.ReferralClosed`: a referral was withdrawn or declined before admission.
public struct ReferralClosed: Message {
    public var referralID: String = ""
    /// `.withdrawn` or `.declined`.
    public var status: ReferralStatus = .unspecified
    public var closedOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(referralID: String = "", status: ReferralStatus = .unspecified, closedOn: String = "") {
        self.referralID = referralID
        self.status = status
        self.closedOn = closedOn
    }

    public static let protoMessageName = "tilts.referral.v1.ReferralClosed"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "referral_id", \.referralID),
        .enum(2, "status", \.status),
        .string(3, "closed_on", \.closedOn),
    ])
}

/// `tilts.referral.v1.CaseAdmitted`: a child was admitted and a case opened with its timeline.
public struct CaseAdmitted: Message {
    public var caseID: String = ""
    public var referralID: String = ""
    public var municipality: String = ""
    public var timeline: Timeline?
    public var allocationMethod: AllocationMethod = .unspecified
    public var withoutPrePlacementMeeting: Bool = false
    public var referralReceivedOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        caseID: String = "", referralID: String = "", municipality: String = "", timeline: Timeline? = nil,
        allocationMethod: AllocationMethod = .unspecified, withoutPrePlacementMeeting: Bool = false,
        referralReceivedOn: String = ""
    ) {
        self.caseID = caseID
        self.referralID = referralID
        self.municipality = municipality
        self.timeline = timeline
        self.allocationMethod = allocationMethod
        self.withoutPrePlacementMeeting = withoutPrePlacementMeeting
        self.referralReceivedOn = referralReceivedOn
    }

    public static let protoMessageName = "tilts.referral.v1.CaseAdmitted"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .string(2, "referral_id", \.referralID),
        .string(3, "municipality", \.municipality),
        .message(4, "timeline", \.timeline),
        .enum(5, "allocation_method", \.allocationMethod),
        .bool(6, "without_pre_placement_meeting", \.withoutPrePlacementMeeting),
        .string(7, "referral_received_on", \.referralReceivedOn),
    ])
}

/// `tilts.referral.v1.CaseEnded`: a course was completed or terminated early.
public struct CaseEnded: Message {
    public var caseID: String = ""
    /// `.completed` or `.terminatedEarly`.
    public var status: CaseStatus = .unspecified
    public var terminationReason: TerminationReason = .unspecified
    public var endedOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        caseID: String = "", status: CaseStatus = .unspecified, terminationReason: TerminationReason = .unspecified,
        endedOn: String = ""
    ) {
        self.caseID = caseID
        self.status = status
        self.terminationReason = terminationReason
        self.endedOn = endedOn
    }

    public static let protoMessageName = "tilts.referral.v1.CaseEnded"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
        .enum(2, "status", \.status),
        .enum(3, "termination_reason", \.terminationReason),
        .string(4, "ended_on", \.endedOn),
    ])
}
