public import TiltsWire

// Requests and responses of the case methods of `tilts.referral.v1.ReferralService`.

/// `tilts.referral.v1.AdmitCaseRequest`: the centre admits a referred child for a 40- or 70-day course.
public struct AdmitCaseRequest: Message {
    public var requestID: String = ""
    public var referralID: String = ""
    public var admissionDate: String = ""
    /// 40 or 70. Ignored when the allocation policy is "randomized".
    public var courseLengthDays: Int32 = 0
    /// The pre-placement meeting's day, when the meeting service has not reported it.
    public var prePlacementMeetingHeldOn: String = ""
    /// Required when no pre-placement meeting was held; recorded as a deviation.
    public var urgentJustification: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        requestID: String = "", referralID: String = "", admissionDate: String = "", courseLengthDays: Int32 = 0,
        prePlacementMeetingHeldOn: String = "", urgentJustification: String = ""
    ) {
        self.requestID = requestID
        self.referralID = referralID
        self.admissionDate = admissionDate
        self.courseLengthDays = courseLengthDays
        self.prePlacementMeetingHeldOn = prePlacementMeetingHeldOn
        self.urgentJustification = urgentJustification
    }

    public static let protoMessageName = "tilts.referral.v1.AdmitCaseRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "referral_id", \.referralID),
        .string(3, "admission_date", \.admissionDate),
        .int32(4, "course_length_days", \.courseLengthDays),
        .string(5, "pre_placement_meeting_held_on", \.prePlacementMeetingHeldOn),
        .string(6, "urgent_justification", \.urgentJustification),
    ])
}

/// `tilts.referral.v1.GetCaseRequest`: asks for one case by id.
public struct GetCaseRequest: Message {
    public var caseID: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(caseID: String) {
        self.caseID = caseID
    }

    public static let protoMessageName = "tilts.referral.v1.GetCaseRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "case_id", \.caseID),
    ])
}

/// `tilts.referral.v1.ListCasesRequest`: a filtered, paged list of cases.
public struct ListCasesRequest: Message {
    public var municipality: String = ""
    public var statuses: [CaseStatus] = []
    public var pageSize: Int32 = 0
    public var pageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(municipality: String = "", statuses: [CaseStatus] = [], pageSize: Int32 = 0, pageToken: String = "") {
        self.municipality = municipality
        self.statuses = statuses
        self.pageSize = pageSize
        self.pageToken = pageToken
    }

    public static let protoMessageName = "tilts.referral.v1.ListCasesRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "municipality", \.municipality),
        .repeated(2, "statuses", \.statuses, .enum),
        .int32(3, "page_size", \.pageSize),
        .string(4, "page_token", \.pageToken),
    ])
}

/// `tilts.referral.v1.ListCasesResponse`: one page of cases.
public struct ListCasesResponse: Message {
    public var cases: [Case] = []
    /// Empty on the last page.
    public var nextPageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(cases: [Case], nextPageToken: String = "") {
        self.cases = cases
        self.nextPageToken = nextPageToken
    }

    public static let protoMessageName = "tilts.referral.v1.ListCasesResponse"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "cases", \.cases, .message),
        .string(2, "next_page_token", \.nextPageToken),
    ])
}

/// `tilts.referral.v1.TerminateCaseRequest`: the centre ends a course early for one of the pilot's reasons.
public struct TerminateCaseRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    public var reason: TerminationReason = .unspecified
    public var terminatedOn: String = ""
    public var note: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        requestID: String = "", caseID: String = "", reason: TerminationReason = .unspecified,
        terminatedOn: String = "", note: String = ""
    ) {
        self.requestID = requestID
        self.caseID = caseID
        self.reason = reason
        self.terminatedOn = terminatedOn
        self.note = note
    }

    public static let protoMessageName = "tilts.referral.v1.TerminateCaseRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .enum(3, "reason", \.reason),
        .string(4, "terminated_on", \.terminatedOn),
        .string(5, "note", \.note),
    ])
}

/// `tilts.referral.v1.CompleteCaseRequest`: the centre completes a course; needs the final summary issued.
public struct CompleteCaseRequest: Message {
    public var requestID: String = ""
    public var caseID: String = ""
    public var completedOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(requestID: String = "", caseID: String = "", completedOn: String = "") {
        self.requestID = requestID
        self.caseID = caseID
        self.completedOn = completedOn
    }

    public static let protoMessageName = "tilts.referral.v1.CompleteCaseRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "case_id", \.caseID),
        .string(3, "completed_on", \.completedOn),
    ])
}
