public import TiltsWire

/// `tilts.referral.v1.ReferralDetails`: what the social service states in a referral.
///
/// Mirrors `Proto/tilts/referral/v1/referral.proto`. Calendar days are `"YYYY-MM-DD"` strings in
/// Europe/Riga time. A value type; safe from any thread.
public struct ReferralDetails: Message {
    /// Municipality code of the referring social service, e.g. `"riga"`.
    public var municipality: String = ""
    public var socialService: String = ""
    public var contact: ContactPerson?
    public var child: Child?
    public var legalRepresentative: LegalRepresentative?
    public var orphansCourtInvolved: Bool = false
    /// The orphan's court involved, when `orphansCourtInvolved`.
    public var orphansCourt: String = ""
    public var consent: Consent?
    public var traumaSigns: [String] = []
    public var violenceTypes: [ViolenceType] = []
    public var requestedLength: RequestedLength = .unspecified
    public var urgent: Bool = false
    /// Required when `urgent`.
    public var urgencyReason: String = ""
    public var notes: String = ""
    /// When the social service hopes the child can start; used for the under-18 check (default: today).
    public var plannedAdmissionDate: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        municipality: String = "", socialService: String = "", contact: ContactPerson? = nil, child: Child? = nil,
        legalRepresentative: LegalRepresentative? = nil, orphansCourtInvolved: Bool = false,
        orphansCourt: String = "", consent: Consent? = nil, traumaSigns: [String] = [],
        violenceTypes: [ViolenceType] = [], requestedLength: RequestedLength = .unspecified, urgent: Bool = false,
        urgencyReason: String = "", notes: String = "", plannedAdmissionDate: String = ""
    ) {
        self.municipality = municipality
        self.socialService = socialService
        self.contact = contact
        self.child = child
        self.legalRepresentative = legalRepresentative
        self.orphansCourtInvolved = orphansCourtInvolved
        self.orphansCourt = orphansCourt
        self.consent = consent
        self.traumaSigns = traumaSigns
        self.violenceTypes = violenceTypes
        self.requestedLength = requestedLength
        self.urgent = urgent
        self.urgencyReason = urgencyReason
        self.notes = notes
        self.plannedAdmissionDate = plannedAdmissionDate
    }

    public static let protoMessageName = "tilts.referral.v1.ReferralDetails"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "municipality", \.municipality),
        .string(2, "social_service", \.socialService),
        .message(3, "contact", \.contact),
        .message(4, "child", \.child),
        .message(5, "legal_representative", \.legalRepresentative),
        .bool(6, "orphans_court_involved", \.orphansCourtInvolved),
        .string(7, "orphans_court", \.orphansCourt),
        .message(8, "consent", \.consent),
        .repeated(9, "trauma_signs", \.traumaSigns, .string),
        .repeated(10, "violence_types", \.violenceTypes, .enum),
        .enum(11, "requested_length", \.requestedLength),
        .bool(12, "urgent", \.urgent),
        .string(13, "urgency_reason", \.urgencyReason),
        .string(14, "notes", \.notes),
        .string(15, "planned_admission_date", \.plannedAdmissionDate),
    ])
}

/// `tilts.referral.v1.Referral`: a child's referral to the centre and where it stands.
///
/// Mirrors `Proto/tilts/referral/v1/referral.proto`. A value type; safe from any thread.
public struct Referral: Message {
    /// UUID.
    public var referralID: String = ""
    public var status: ReferralStatus = .unspecified
    public var receivedAt: Timestamp?
    /// `"YYYY-MM-DD"`, Europe/Riga.
    public var receivedOn: String = ""
    public var details: ReferralDetails?
    /// The case, once admitted.
    public var caseID: String = ""
    /// The day the pre-placement meeting was held, when known.
    public var prePlacementMeetingHeldOn: String = ""
    /// Why it was withdrawn or declined.
    public var closingReason: String = ""
    public var closedOn: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(
        referralID: String = "", status: ReferralStatus = .unspecified, receivedAt: Timestamp? = nil,
        receivedOn: String = "", details: ReferralDetails? = nil, caseID: String = "",
        prePlacementMeetingHeldOn: String = "", closingReason: String = "", closedOn: String = ""
    ) {
        self.referralID = referralID
        self.status = status
        self.receivedAt = receivedAt
        self.receivedOn = receivedOn
        self.details = details
        self.caseID = caseID
        self.prePlacementMeetingHeldOn = prePlacementMeetingHeldOn
        self.closingReason = closingReason
        self.closedOn = closedOn
    }

    public static let protoMessageName = "tilts.referral.v1.Referral"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "referral_id", \.referralID),
        .enum(2, "status", \.status),
        .message(3, "received_at", \.receivedAt),
        .string(4, "received_on", \.receivedOn),
        .message(5, "details", \.details),
        .string(6, "case_id", \.caseID),
        .string(7, "pre_placement_meeting_held_on", \.prePlacementMeetingHeldOn),
        .string(8, "closing_reason", \.closingReason),
        .string(9, "closed_on", \.closedOn),
    ])
}
