public import TiltsWire

// Requests and responses of the referral methods of `tilts.referral.v1.ReferralService`.
// Writes carry a client `requestID`: a retry with the same id returns the first result.

/// `tilts.referral.v1.SubmitReferralRequest`: the social service sends a child to the centre.
public struct SubmitReferralRequest: Message {
    /// Idempotency key chosen by the client (a UUID is a good choice).
    public var requestID: String = ""
    public var details: ReferralDetails?
    public var unknownFields = UnknownFields()

    public init() {}

    public init(requestID: String = "", details: ReferralDetails? = nil) {
        self.requestID = requestID
        self.details = details
    }

    public static let protoMessageName = "tilts.referral.v1.SubmitReferralRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .message(2, "details", \.details),
    ])
}

/// `tilts.referral.v1.GetReferralRequest`: asks for one referral by id.
public struct GetReferralRequest: Message {
    public var referralID: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(referralID: String) {
        self.referralID = referralID
    }

    public static let protoMessageName = "tilts.referral.v1.GetReferralRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "referral_id", \.referralID),
    ])
}

/// `tilts.referral.v1.ListReferralsRequest`: a filtered, paged list of referrals.
public struct ListReferralsRequest: Message {
    /// Empty: every municipality the caller may see.
    public var municipality: String = ""
    public var statuses: [ReferralStatus] = []
    /// Received on or after this day.
    public var receivedFrom: String = ""
    /// Received on or before this day.
    public var receivedTo: String = ""
    public var pageSize: Int32 = 0
    public var pageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        municipality: String = "", statuses: [ReferralStatus] = [], receivedFrom: String = "",
        receivedTo: String = "", pageSize: Int32 = 0, pageToken: String = ""
    ) {
        self.municipality = municipality
        self.statuses = statuses
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
        self.pageSize = pageSize
        self.pageToken = pageToken
    }

    public static let protoMessageName = "tilts.referral.v1.ListReferralsRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "municipality", \.municipality),
        .repeated(2, "statuses", \.statuses, .enum),
        .string(3, "received_from", \.receivedFrom),
        .string(4, "received_to", \.receivedTo),
        .int32(5, "page_size", \.pageSize),
        .string(6, "page_token", \.pageToken),
    ])
}

/// `tilts.referral.v1.ListReferralsResponse`: one page of referrals.
public struct ListReferralsResponse: Message {
    public var referrals: [Referral] = []
    /// Empty on the last page.
    public var nextPageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(referrals: [Referral], nextPageToken: String = "") {
        self.referrals = referrals
        self.nextPageToken = nextPageToken
    }

    public static let protoMessageName = "tilts.referral.v1.ListReferralsResponse"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "referrals", \.referrals, .message),
        .string(2, "next_page_token", \.nextPageToken),
    ])
}

/// `tilts.referral.v1.WithdrawReferralRequest`: the social service takes a referral back before admission.
public struct WithdrawReferralRequest: Message {
    public var requestID: String = ""
    public var referralID: String = ""
    public var reason: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(requestID: String = "", referralID: String = "", reason: String = "") {
        self.requestID = requestID
        self.referralID = referralID
        self.reason = reason
    }

    public static let protoMessageName = "tilts.referral.v1.WithdrawReferralRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "referral_id", \.referralID),
        .string(3, "reason", \.reason),
    ])
}

/// `tilts.referral.v1.DeclineReferralRequest`: the centre refuses a referral before admission.
public struct DeclineReferralRequest: Message {
    public var requestID: String = ""
    public var referralID: String = ""
    public var reason: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(requestID: String = "", referralID: String = "", reason: String = "") {
        self.requestID = requestID
        self.referralID = referralID
        self.reason = reason
    }

    public static let protoMessageName = "tilts.referral.v1.DeclineReferralRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "request_id", \.requestID),
        .string(2, "referral_id", \.referralID),
        .string(3, "reason", \.reason),
    ])
}
