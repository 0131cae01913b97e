internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages

/// The facts this service learns from other services' events, applied inside the consumer's
/// transaction (the one that stores its cursor). Each apply is idempotent by itself too.
extension AssessmentStore {
    /// `CaseAdmitted` (referral): the case becomes known here, with its municipality and timeline.
    static func applyCaseAdmitted(_ admitted: CaseAdmitted, _ db: Database) throws {
        guard !admitted.caseID.isEmpty, let timeline = admitted.timeline,
            let admission = CalendarDay(iso: timeline.admissionDate)
        else { return }
        let record = CaseFileRecord(
            caseID: admitted.caseID, referralID: admitted.referralID, municipality: admitted.municipality,
            admissionDay: admission.dayNumber, courseLength: timeline.courseLengthDays,
            status: AssessmentCaseStatus.open.rawValue, endedOn: "", timeline: Data(timeline.serializedBytes()))
        try record.insert(db, onConflict: .ignore)
    }

    /// `CaseEnded` (referral): the case is closed to writes.
    static func applyCaseEnded(_ ended: CaseEnded, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE case_file SET status = ?, ended_on = ? WHERE case_id = ?",
            arguments: [AssessmentCaseStatus.ended.rawValue, ended.endedOn, ended.caseID])
    }

    /// `MeetingHeld` (meeting) of a case meeting: remembered for plan approval.
    static func applyMeetingHeld(_ held: MeetingHeld, _ db: Database) throws {
        guard !held.caseID.isEmpty, !held.meetingID.isEmpty,
            [MeetingKind.meeting1, .meeting2, .meeting3].contains(held.kind)
        else { return }
        let record = HeldMeetingRecord(
            meetingID: held.meetingID, caseID: held.caseID, kind: held.kind.rawValue, heldOn: held.heldOn,
            planApproved: held.planApproved)
        try record.save(db)
    }
}
