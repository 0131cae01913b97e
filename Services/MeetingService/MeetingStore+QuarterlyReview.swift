internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore

extension MeetingStore {
    /// Creates the review meeting of a pilot quarter, inviting LM, LBF, the centre, BAC when asked,
    /// and the SD and BT of every municipality with a child in the pilot that quarter
    /// (``municipalitiesInPilot(during:_:)``), plus the request's additional participants.
    func planQuarterlyReview(
        _ request: PlanQuarterlyReviewRequest, slot: MeetingValidation.Slot, centreName: String, by principal: Principal,
        at moment: Moment
    ) async throws -> Meeting {
        try await database.write { db in
            try db.idempotent(scope: "PlanQuarterlyReview|\(principal.subject)", requestID: request.requestID) {
                guard let range = pilot.range(ofQuarter: Int(request.quarter)) else {
                    throw MeetingError.invalid("quarter", "must be a pilot quarter, 1 to \(pilot.quarterCount)")
                }
                let subject = MeetingRecord.quarterSubject(request.quarter)
                try Self.requireNoActiveMeeting(subject: subject, kind: .quarterlyReview, db)
                let window = MeetingRules.Window(range)
                try Self.checkWindow(window, slot: slot, reason: request.outsideWindowReason, kind: .quarterlyReview)
                let municipalities = try Self.municipalitiesInPilot(during: range, db)

                var meeting = Meeting()
                meeting.meetingID = UUID().uuidString.lowercased()
                meeting.kind = .quarterlyReview
                meeting.status = .scheduled
                meeting.quarter = request.quarter
                Self.set(slot, on: &meeting)
                meeting.mode = request.mode
                meeting.place = request.place
                meeting.remoteLink = request.remoteLink
                meeting.convenedBy = principal.institution
                meeting.participants = Self.withIDs(
                    QuarterlyReviewPlan.invitations(
                        municipalities: municipalities, inviteChildProtectionCentre: request.inviteChildProtectionCentre,
                        centreName: centreName) + request.additionalParticipants)
                meeting.outsideWindowReason = window.contains(slot.day) ? "" : request.outsideWindowReason
                meeting.history = [Self.change(.scheduled, by: principal, at: moment, slot: slot)]
                try MeetingRecord(meeting, subjectID: subject).insert(db)
                try Self.appendScheduled(meeting, inWindow: window.contains(slot.day), at: moment, db)
                return try decorated(meeting, db)
            }
        }
    }

    /// The municipalities with a child in the pilot during `range`: a course that overlaps it
    /// (admission to the end, or the planned last day while in course), or a referral received in it.
    static func municipalitiesInPilot(during range: DayWindow, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT municipality FROM case_fact
                 WHERE admission_day <= :last AND COALESCE(ended_day, last_day) >= :first
                UNION
                SELECT municipality FROM referral_fact WHERE received_day BETWEEN :first AND :last
                ORDER BY 1
                """,
            arguments: ["first": range.first.dayNumber, "last": range.last.dayNumber])
    }
}
