internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

extension MeetingStore {
    /// Reports each requirement whose window closed before `asOf` without the meeting held, once:
    /// a `MeetingRequirementMissed` event and the row marked reported, in one transaction.
    /// Cancelled requirements and pre-placement meetings the referral service recorded held at
    /// admission are not missed. Run it daily (and at start); running it again changes nothing.
    ///
    /// - Returns: how many requirements it reported.
    @discardableResult
    func reportMissed(asOf: CalendarDay, at time: Timestamp) async throws -> Int {
        try await database.write { db in
            let candidates = try RequirementRecord
                .filter(RequirementRecord.Columns.missedReported == false)
                .filter(RequirementRecord.Columns.cancelledDay == nil)
                .filter(RequirementRecord.Columns.heldAtAdmission == false)
                .filter(RequirementRecord.Columns.windowLast != nil && RequirementRecord.Columns.windowLast < asOf.dayNumber)
                .fetchAll(db)
            var reported = 0
            for candidate in candidates {
                var row = candidate
                if let active = try Self.activeMeeting(subject: row.subjectID, kind: row.meetingKind, db),
                    active.meetingStatus != .scheduled
                {
                    continue  // held (minutes recorded); late or not, it is not missed
                }
                var event = MeetingRequirementMissed()
                event.kind = row.meetingKind
                event.caseID = row.caseID
                event.referralID = row.referralID
                event.municipality = row.municipality
                event.window = row.window.message
                let subject = row.meetingKind == .prePlacement ? row.referralID : row.caseID
                try db.appendEvent(kind: "MeetingRequirementMissed", caseID: subject, payload: event, source: Self.source, at: time)
                row.missedReported = true
                try row.update(db)
                reported += 1
            }
            return reported
        }
    }
}
