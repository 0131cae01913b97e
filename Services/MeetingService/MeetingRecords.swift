internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsWire

/// A row of `meeting`: the `Meeting` message and its index columns.
struct MeetingRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meeting"

    enum Columns {
        static let meetingID = Column(CodingKeys.meetingID)
        static let kind = Column(CodingKeys.kind)
        static let status = Column(CodingKeys.status)
        static let subjectID = Column(CodingKeys.subjectID)
        static let caseID = Column(CodingKeys.caseID)
        static let referralID = Column(CodingKeys.referralID)
        static let municipality = Column(CodingKeys.municipality)
        static let quarter = Column(CodingKeys.quarter)
        static let startsAtMicros = Column(CodingKeys.startsAtMicros)
        static let startDay = Column(CodingKeys.startDay)
        static let invitedMunicipalities = Column(CodingKeys.invitedMunicipalities)
    }

    enum CodingKeys: String, CodingKey {
        case meetingID = "meeting_id", kind, status, subjectID = "subject_id", caseID = "case_id"
        case referralID = "referral_id", municipality, quarter, startsAtMicros = "starts_at_micros"
        case startDay = "start_day", invitedMunicipalities = "invited_municipalities", message
    }

    var meetingID: String
    var kind: Int32
    var status: Int32
    /// The referral id (pre-placement), case id (meetings 1–3) or `quarter-N` (quarterly review).
    var subjectID: String
    var caseID: String
    var referralID: String
    var municipality: String
    var quarter: Int32
    var startsAtMicros: Int64
    var startDay: Int
    /// Quarterly reviews: `,riga,cesis,`, the municipalities whose SD or BT is invited.
    var invitedMunicipalities: String
    var message: Data

    init(_ meeting: Meeting, subjectID: String) {
        meetingID = meeting.meetingID
        kind = meeting.kind.rawValue
        status = meeting.status.rawValue
        self.subjectID = subjectID
        caseID = meeting.caseID
        referralID = meeting.referralID
        municipality = meeting.municipality
        quarter = meeting.quarter
        let start = meeting.startsAt ?? Timestamp()
        startsAtMicros = Self.micros(start)
        startDay = RigaTime.calendarDay(ofUnixSeconds: start.seconds).dayNumber
        let invited = Set(meeting.participants.filter { !$0.municipality.isEmpty }.map(\.municipality)).sorted()
        invitedMunicipalities = meeting.kind == .quarterlyReview && !invited.isEmpty
            ? "," + invited.joined(separator: ",") + "," : ""
        message = Data(meeting.serializedBytes())
    }

    func meeting() throws -> Meeting {
        try Meeting(serializedBytes: Array(message))
    }

    var meetingKind: MeetingKind { MeetingKind(rawValue: kind) }
    var meetingStatus: MeetingStatus { MeetingStatus(rawValue: status) }

    /// The key `invitedMunicipalities` holds for one municipality.
    static func invitedKey(_ municipality: String) -> String { ",\(municipality)," }

    static func micros(_ timestamp: Timestamp) -> Int64 {
        timestamp.seconds * 1_000_000 + Int64(timestamp.nanos / 1000)
    }

    /// The subject of a quarterly review.
    static func quarterSubject(_ quarter: Int32) -> String { "quarter-\(quarter)" }
}

/// A row of `requirement`: one required meeting of a referral or case.
struct RequirementRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "requirement"

    enum Columns {
        static let subjectID = Column(CodingKeys.subjectID)
        static let kind = Column(CodingKeys.kind)
        static let caseID = Column(CodingKeys.caseID)
        static let referralID = Column(CodingKeys.referralID)
        static let municipality = Column(CodingKeys.municipality)
        static let windowFirst = Column(CodingKeys.windowFirst)
        static let windowLast = Column(CodingKeys.windowLast)
        static let cancelledDay = Column(CodingKeys.cancelledDay)
        static let heldAtAdmission = Column(CodingKeys.heldAtAdmission)
        static let missedReported = Column(CodingKeys.missedReported)
    }

    enum CodingKeys: String, CodingKey {
        case subjectID = "subject_id", kind, caseID = "case_id", referralID = "referral_id", municipality
        case windowFirst = "window_first", windowLast = "window_last", cancelledDay = "cancelled_day"
        case heldAtAdmission = "held_at_admission", missedReported = "missed_reported"
    }

    var subjectID: String
    var kind: Int32
    var caseID: String
    var referralID: String
    var municipality: String
    var windowFirst: Int
    var windowLast: Int?
    var cancelledDay: Int?
    var heldAtAdmission: Bool
    var missedReported: Bool

    var meetingKind: MeetingKind { MeetingKind(rawValue: kind) }

    var window: MeetingRules.Window {
        MeetingRules.Window(first: CalendarDay(dayNumber: windowFirst), last: windowLast.map(CalendarDay.init(dayNumber:)))
    }
}

/// A row of `referral_fact`: a referral as the referral service's events described it.
struct ReferralFactRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "referral_fact"

    enum Columns {
        static let referralID = Column(CodingKeys.referralID)
        static let municipality = Column(CodingKeys.municipality)
        static let receivedDay = Column(CodingKeys.receivedDay)
    }

    enum CodingKeys: String, CodingKey {
        case referralID = "referral_id", municipality, receivedDay = "received_day", status, caseID = "case_id"
        case closedDay = "closed_day"
    }

    var referralID: String
    var municipality: String
    var receivedDay: Int
    /// A `ReferralStatus` raw value: RECEIVED, ADMITTED, WITHDRAWN or DECLINED.
    var status: Int32
    var caseID: String?
    var closedDay: Int?

    var referralStatus: ReferralStatus { ReferralStatus(rawValue: status) }
}

/// A row of `case_fact`: an admitted child's course as the referral service's events described it.
struct CaseFactRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "case_fact"

    enum Columns {
        static let caseID = Column(CodingKeys.caseID)
        static let admissionDay = Column(CodingKeys.admissionDay)
        static let lastDay = Column(CodingKeys.lastDay)
        static let endedDay = Column(CodingKeys.endedDay)
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", referralID = "referral_id", municipality, admissionDay = "admission_day"
        case lengthDays = "length_days", lastDay = "last_day", status, endedDay = "ended_day"
    }

    var caseID: String
    var referralID: String
    var municipality: String
    var admissionDay: Int
    var lengthDays: Int
    /// The planned last day (day L).
    var lastDay: Int
    /// A `CaseStatus` raw value.
    var status: Int32
    var endedDay: Int?

    var caseStatus: CaseStatus { CaseStatus(rawValue: status) }
}

/// A row of `agreed_action`: one action of recorded minutes.
struct AgreedActionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "agreed_action"

    enum Columns {
        static let meetingID = Column(CodingKeys.meetingID)
        static let actionID = Column(CodingKeys.actionID)
        static let meetingKind = Column(CodingKeys.meetingKind)
        static let caseID = Column(CodingKeys.caseID)
        static let referralID = Column(CodingKeys.referralID)
        static let municipality = Column(CodingKeys.municipality)
        static let dueDay = Column(CodingKeys.dueDay)
        static let doneDay = Column(CodingKeys.doneDay)
    }

    enum CodingKeys: String, CodingKey {
        case meetingID = "meeting_id", actionID = "action_id", meetingKind = "meeting_kind", caseID = "case_id"
        case referralID = "referral_id", municipality, dueDay = "due_day", doneDay = "done_day", message
    }

    var meetingID: String
    var actionID: String
    var meetingKind: Int32
    var caseID: String
    var referralID: String
    var municipality: String
    var dueDay: Int
    var doneDay: Int?
    var message: Data

    func action() throws -> MeetingAgreedAction {
        try MeetingAgreedAction(serializedBytes: Array(message))
    }
}
