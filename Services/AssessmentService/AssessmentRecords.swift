internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsWire

/// A row of `case_file`: a case as the referral service's `CaseAdmitted` and `CaseEnded` described it.
struct CaseFileRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "case_file"

    enum Columns {
        static let caseID = Column(CodingKeys.caseID)
        static let municipality = Column(CodingKeys.municipality)
        static let status = Column(CodingKeys.status)
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", referralID = "referral_id", municipality, admissionDay = "admission_day"
        case courseLength = "course_length", status, endedOn = "ended_on", timeline
    }

    var caseID: String
    var referralID: String
    var municipality: String
    var admissionDay: Int
    var courseLength: Int32
    var status: Int32
    var endedOn: String
    var timeline: Data

    var isOpen: Bool { status == AssessmentCaseStatus.open.rawValue }

    /// The case's schedule, from the one timeline function (TiltsDomain).
    var schedule: CaseTimeline {
        CaseTimeline(admission: CalendarDay(dayNumber: admissionDay), length: CourseLength(rawValue: courseLength) ?? .days40)
    }

    func timelineMessage() throws -> Timeline { try Timeline(serializedBytes: Array(timeline)) }
}

/// A row of `held_meeting`: a `MeetingHeld` of the meeting service for one case.
struct HeldMeetingRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "held_meeting"

    enum Columns {
        static let meetingID = Column(CodingKeys.meetingID)
        static let caseID = Column(CodingKeys.caseID)
        static let kind = Column(CodingKeys.kind)
        static let heldOn = Column(CodingKeys.heldOn)
        static let planApproved = Column(CodingKeys.planApproved)
    }

    enum CodingKeys: String, CodingKey {
        case meetingID = "meeting_id", caseID = "case_id", kind, heldOn = "held_on", planApproved = "plan_approved"
    }

    var meetingID: String
    var caseID: String
    var kind: Int32
    var heldOn: String
    var planApproved: Bool

    var message: HeldMeeting {
        var meeting = HeldMeeting()
        meeting.meetingID = meetingID
        meeting.kind = kind
        meeting.heldOn = heldOn
        meeting.planApproved = planApproved
        return meeting
    }
}

/// A row of `observation`.
struct ObservationRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "observation"

    enum Columns {
        static let caseID = Column(CodingKeys.caseID)
        static let observedOn = Column(CodingKeys.observedOn)
        static let recordedAtMicros = Column(CodingKeys.recordedAtMicros)
    }

    enum CodingKeys: String, CodingKey {
        case observationID = "observation_id", caseID = "case_id", observedOn = "observed_on"
        case recordedAtMicros = "recorded_at_micros", message
    }

    var observationID: String
    var caseID: String
    var observedOn: String
    var recordedAtMicros: Int64
    var message: Data

    init(_ observation: MappingObservation) {
        observationID = observation.observationID
        caseID = observation.caseID
        observedOn = observation.observedOn
        recordedAtMicros = (observation.recordedAt ?? Timestamp()).micros
        message = Data(observation.serializedBytes())
    }

    func value() throws -> MappingObservation { try MappingObservation(serializedBytes: Array(message)) }
}

/// A row of `assessment`; one per case, instrument and time point.
struct AssessmentRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "assessment"

    enum Columns {
        static let assessmentID = Column(CodingKeys.assessmentID)
        static let caseID = Column(CodingKeys.caseID)
        static let instrumentID = Column(CodingKeys.instrumentID)
        static let timePoint = Column(CodingKeys.timePoint)
        static let assessedOn = Column(CodingKeys.assessedOn)
    }

    enum CodingKeys: String, CodingKey {
        case assessmentID = "assessment_id", caseID = "case_id", instrumentID = "instrument_id"
        case instrumentVersion = "instrument_version", timePoint = "time_point", assessedOn = "assessed_on", message
    }

    var assessmentID: String
    var caseID: String
    var instrumentID: String
    var instrumentVersion: Int32
    var timePoint: Int32
    var assessedOn: String
    var message: Data

    init(_ assessment: Assessment) {
        assessmentID = assessment.assessmentID
        caseID = assessment.caseID
        instrumentID = assessment.instrumentID
        instrumentVersion = assessment.instrumentVersion
        timePoint = assessment.timePoint.rawValue
        assessedOn = assessment.assessedOn
        message = Data(assessment.serializedBytes())
    }

    func value() throws -> Assessment { try Assessment(serializedBytes: Array(message)) }
}

/// A row of `plan_version`; approved rows never change (a trigger refuses it).
struct PlanVersionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plan_version"

    enum Columns {
        static let caseID = Column(CodingKeys.caseID)
        static let version = Column(CodingKeys.version)
        static let status = Column(CodingKeys.status)
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", version, status, message
    }

    var caseID: String
    var version: Int32
    var status: Int32
    var message: Data

    init(_ plan: RehabilitationPlan) {
        caseID = plan.caseID
        version = plan.version
        status = plan.status.rawValue
        message = Data(plan.serializedBytes())
    }

    func value() throws -> RehabilitationPlan { try RehabilitationPlan(serializedBytes: Array(message)) }
}

/// A row of `session`.
struct SessionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"

    enum Columns {
        static let caseID = Column(CodingKeys.caseID)
        static let heldOn = Column(CodingKeys.heldOn)
        static let recordedAtMicros = Column(CodingKeys.recordedAtMicros)
    }

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id", caseID = "case_id", heldOn = "held_on", recordedAtMicros = "recorded_at_micros", message
    }

    var sessionID: String
    var caseID: String
    var heldOn: String
    var recordedAtMicros: Int64
    var message: Data

    init(_ session: RehabilitationSession) {
        sessionID = session.sessionID
        caseID = session.caseID
        heldOn = session.heldOn
        recordedAtMicros = (session.recordedAt ?? Timestamp()).micros
        message = Data(session.serializedBytes())
    }

    func value() throws -> RehabilitationSession { try RehabilitationSession(serializedBytes: Array(message)) }
}

/// A row of `final_summary`; never changes once inserted (a trigger refuses it).
struct FinalSummaryRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "final_summary"

    enum Columns {
        static let caseID = Column(CodingKeys.caseID)
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", issuedOn = "issued_on", message
    }

    var caseID: String
    var issuedOn: String
    var message: Data

    init(_ summary: FinalSummary) {
        caseID = summary.caseID
        issuedOn = summary.issuedOn
        message = Data(summary.serializedBytes())
    }

    func value() throws -> FinalSummary { try FinalSummary(serializedBytes: Array(message)) }
}

extension Timestamp {
    /// Microseconds since the Unix epoch, for ordering rows.
    var micros: Int64 { seconds * 1_000_000 + Int64(nanos / 1000) }
}
