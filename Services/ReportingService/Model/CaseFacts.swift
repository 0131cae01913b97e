/// One case as the analytical store knows it, in the compact form the reports scan.
///
/// Days are ``CalendarDay/dayNumber`` values as `Int32`, ``noDay`` when unknown; codes are the
/// proto enums' numbers; the municipality is an index into ``FactModel/municipalities``. A case
/// whose admission has not arrived yet (``isAdmitted`` false) is in no report. A value type.
struct CaseFacts: Sendable, Equatable {
    static let noDay = Int32.min
    /// A score not recorded (or incomplete) at a time point.
    static let noScore = Int16.min

    /// 40 or 70; 0 until the admission is known.
    var courseLength: Int16 = 0
    /// `tilts.referral.v1.AllocationMethod`.
    var allocation: Int8 = 0
    /// `tilts.referral.v1.CaseStatus`: 1 in course, 2 completed, 3 terminated early.
    var status: Int8 = 0
    /// `tilts.referral.v1.TerminationReason` when terminated early.
    var terminationReason: Int8 = 0
    /// `tilts.assessment.v1.Destination` once the final summary is issued.
    var destination: Int8 = 0
    /// `tilts.referral.v1.Sex`.
    var sex: Int8 = 0
    /// Index into `AgeBand.allCases`; −1 unknown.
    var ageBand: Int8 = -1
    /// Bit n − 1 for `tilts.referral.v1.ViolenceType` n.
    var violence: UInt8 = 0
    var urgent = false
    var withoutPrePlacementMeeting = false
    var municipality: Int32 = -1

    var admission = noDay
    var referralReceived = noDay
    var ended = noDay
    /// The first day each of meetings 1–3 was held.
    var meeting1 = noDay
    var meeting2 = noDay
    var meeting3 = noDay
    var planApproved = noDay
    var baselineOn = noDay
    var midOn = noDay
    var finalOn = noDay
    var summaryOn = noDay
    var sessions: Int32 = 0
    var sessionMinutes: Int32 = 0
    /// The evaluation instrument's area scores; index = `AssessmentArea` number − 1.
    var baseline = SIMD8<Int16>(repeating: noScore)
    var mid = SIMD8<Int16>(repeating: noScore)
    var final = SIMD8<Int16>(repeating: noScore)

    var isAdmitted: Bool { courseLength != 0 && admission != Self.noDay }

    /// The held day of meeting `number` (1–3).
    func meetingHeld(_ number: Int) -> Int32 {
        switch number {
        case 1: meeting1
        case 2: meeting2
        default: meeting3
        }
    }
}

/// One referral as the analytical store knows it. A value type.
struct ReferralFacts: Sendable, Equatable {
    var received = CaseFacts.noDay
    var closed = CaseFacts.noDay
    var admitted = CaseFacts.noDay
    var prePlacementHeld = CaseFacts.noDay
    var municipality: Int32 = -1
    /// `tilts.referral.v1.RequestedLength`.
    var requested: Int8 = 0
    /// `tilts.referral.v1.ReferralStatus` of the closing (withdrawn, declined).
    var closedStatus: Int8 = 0
    /// The cohort once admitted.
    var courseLength: Int16 = 0
    var urgent = false

    var isKnown: Bool { received != CaseFacts.noDay }

    /// Whether the referral is waiting for a place at the end of `day`: received, and neither
    /// admitted nor closed by then.
    func isWaiting(on day: Int32) -> Bool {
        isKnown && received <= day && !(admitted != CaseFacts.noDay && admitted <= day)
            && !(closed != CaseFacts.noDay && closed <= day)
    }
}
