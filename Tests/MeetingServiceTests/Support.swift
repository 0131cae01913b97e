internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsWire
@testable internal import MeetingService

/// Fixtures shared by the meeting service's tests: a store on a temporary database, referral
/// events applied as the consumer would, principals, fixed moments and requests.
enum Fixture {
    static let centre = Principal(institution: .centre, subject: "centre-1")
    static let sdRiga = Principal(institution: .socialService, municipality: "riga", subject: "sd-riga")
    static let btRiga = Principal(institution: .orphansCourt, municipality: "riga", subject: "bt-riga")
    static let sdCesis = Principal(institution: .socialService, municipality: "cesis", subject: "sd-cesis")
    static let ministry = Principal(institution: .ministry, subject: "lm")

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    /// Noon in Riga on `day`, as a moment.
    static func moment(_ text: String) -> MeetingStore.Moment {
        let seconds = RigaTime.startOfDayUnixSeconds(day(text)) + 12 * 3600
        return MeetingStore.Moment(timestamp: Timestamp(seconds: seconds), today: day(text))
    }

    /// `hour`:00 Riga time on `day`.
    static func at(_ text: String, hour: Int) -> Timestamp {
        Timestamp(seconds: RigaTime.startOfDayUnixSeconds(day(text)) + Int64(hour) * 3600)
    }

    static func store() throws -> MeetingStore {
        MeetingStore(database: try ServiceDatabase.temporary(migrator: MeetingSchema.migrator), pilot: .default)
    }

    static func apply(_ store: MeetingStore, _ kind: String, _ payload: some Message, on text: String) async throws {
        let event = Event(
            sequence: 1, eventID: UUID().uuidString, occurredAt: moment(text).timestamp, caseID: "", kind: kind,
            payload: payload.serializedBytes(), source: "referral")
        try await store.database.write { db in try MeetingStore.applyReferralEvent(event, db) }
    }

    static func submit(_ store: MeetingStore, referral: String, municipality: String = "riga", on text: String) async throws {
        var submitted = ReferralSubmitted()
        submitted.referralID = referral
        submitted.municipality = municipality
        submitted.receivedOn = text
        try await apply(store, "ReferralSubmitted", submitted, on: text)
    }

    /// Admits with a timeline built by the one timeline function, as the referral service does.
    static func admit(
        _ store: MeetingStore, referral: String, case caseID: String, on text: String, length: CourseLength,
        municipality: String = "riga", receivedOn: String, withoutPrePlacement: Bool = false
    ) async throws {
        let timeline = CaseTimeline(admission: day(text), length: length)
        var admitted = CaseAdmitted()
        admitted.caseID = caseID
        admitted.referralID = referral
        admitted.municipality = municipality
        admitted.timeline = Timeline(admissionDate: text, courseLengthDays: length.rawValue, lastDay: timeline.lastDay.description)
        admitted.withoutPrePlacementMeeting = withoutPrePlacement
        admitted.referralReceivedOn = receivedOn
        try await apply(store, "CaseAdmitted", admitted, on: text)
    }

    static func participants() -> [MeetingParticipant] {
        [
            MeetingParticipant(institution: .centre, institutionName: "Ģimenes atbalsta centrs", person: "Ilze", email: "ilze@kc.lv"),
            MeetingParticipant(institution: .socialService, institutionName: "Rīgas Sociālais dienests", municipality: "riga"),
            MeetingParticipant(institution: .orphansCourt, institutionName: "Rīgas bāriņtiesa", municipality: "riga"),
        ]
    }

    static func scheduleRequest(
        _ kind: MeetingKind, case caseID: String = "", referral: String = "", on text: String, hour: Int = 10,
        minutes: Int32 = 90, reason: String = ""
    ) -> ScheduleMeetingRequest {
        var request = ScheduleMeetingRequest()
        request.requestID = UUID().uuidString
        request.kind = kind
        request.caseID = caseID
        request.referralID = referral
        request.startsAt = at(text, hour: hour)
        request.durationMinutes = minutes
        request.mode = .inPerson
        request.place = "Centrs, 2. stāvs"
        request.participants = participants()
        request.outsideWindowReason = reason
        return request
    }

    static func schedule(
        _ store: MeetingStore, _ request: ScheduleMeetingRequest, by principal: Principal = centre, today: String
    ) async throws -> Meeting {
        let slot = try MeetingValidation.schedule(request)
        return try await store.schedule(request, slot: slot, by: principal, at: moment(today))
    }

    static func minutes(for meeting: Meeting, heldOn: String, finalise: Bool, planApproved: Bool = false) -> RecordMinutesRequest {
        var request = RecordMinutesRequest()
        request.requestID = UUID().uuidString
        request.meetingID = meeting.meetingID
        request.heldOn = heldOn
        request.attendance = meeting.participants.map { MeetingAttendance(participantID: $0.participantID, status: .attended) }
        request.reports = [MeetingParticipantReport(participantID: meeting.participants[0].participantID, text: "Kartēšana pabeigta.")]
        request.decisions = ["Plāns apstiprināts"]
        request.actions = [MeetingAgreedAction(description: "Sazināties ar skolu", ownerInstitution: .socialService, dueOn: heldOn)]
        request.planApproved = planApproved
        request.finalise = finalise
        return request
    }

    /// The status code a throwing call ends with.
    static func code(_ body: () async throws -> some Any) async -> StatusCode? {
        do {
            _ = try await body()
            return nil
        } catch {
            return RPCError.from(error).code
        }
    }

    static func events(_ store: MeetingStore) async throws -> [(String, String)] {
        try await store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, case_id FROM tilts_outbox ORDER BY sequence").map { ($0[0], $0[1]) }
        }
    }
}
