internal import Foundation
internal import GRDB
internal import TiltsMessages

/// The meeting stream's agreed actions: `MeetingHeld` lists the actions of the final minutes (id,
/// owning institution, due day), `AgreedActionCompleted` gives the day one was done.
///
/// One `agreed_action_fact` row per action, keyed by the action id's pseudonymous key and
/// carrying the child's case key (the referral key for pre-placement meetings). Both writes are
/// upserts of their own columns: the meeting service accepts a completion while the minutes are
/// still a draft, so a completion can arrive before the `MeetingHeld` that lists its action, and an
/// action completed in a draft and dropped from the final minutes keeps no due day and is never
/// counted. Replaying an event writes the same values again, so backfill and restarts give the same
/// rows. Quarterly reviews' actions concern no child and are not stored.
extension FactProjector {
    /// The meeting kinds whose agreed actions the reports count: the children's meetings.
    static let childMeetingKinds: Set<MeetingKind> = [.prePlacement, .meeting1, .meeting2, .meeting3]

    func agreedActionsHeld(_ event: MeetingHeld, heldDay: Int, _ db: Database) throws {
        guard Self.childMeetingKinds.contains(event.kind), !event.actions.isEmpty else { return }
        let (caseKey, referralKey) = subjectKeys(caseID: event.caseID, referralID: event.referralID)
        for action in event.actions where !action.actionID.isEmpty {
            try db.cachedStatement(
                sql: """
                    INSERT INTO agreed_action_fact (action_key, rev, case_key, referral_key, meeting_kind, municipality,
                        owner_institution, held_day, due_day)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (action_key) DO UPDATE SET rev = excluded.rev,
                        case_key = coalesce(excluded.case_key, case_key),
                        referral_key = coalesce(excluded.referral_key, referral_key),
                        meeting_kind = excluded.meeting_kind, municipality = coalesce(excluded.municipality, municipality),
                        owner_institution = excluded.owner_institution, held_day = excluded.held_day,
                        due_day = excluded.due_day
                    """
            ).execute(arguments: [
                pseudonyms.key(action.actionID), revisions.next(), caseKey, referralKey, event.kind.rawValue,
                Self.code(event.municipality), action.ownerInstitution.rawValue, heldDay, Self.day(action.dueOn),
            ])
        }
    }

    func agreedActionCompleted(_ event: AgreedActionCompleted, _ db: Database) throws {
        guard Self.childMeetingKinds.contains(event.kind), !event.actionID.isEmpty, let done = Self.day(event.doneOn) else {
            return
        }
        let (caseKey, referralKey) = subjectKeys(caseID: event.caseID, referralID: event.referralID)
        // The earliest completion counts (the meeting service records one per action).
        try db.cachedStatement(
            sql: """
                INSERT INTO agreed_action_fact (action_key, rev, case_key, referral_key, meeting_kind, municipality, done_day)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (action_key) DO UPDATE SET rev = excluded.rev,
                    case_key = coalesce(case_key, excluded.case_key), referral_key = coalesce(referral_key, excluded.referral_key),
                    meeting_kind = coalesce(meeting_kind, excluded.meeting_kind),
                    municipality = coalesce(municipality, excluded.municipality),
                    done_day = min(coalesce(done_day, excluded.done_day), excluded.done_day)
                """
        ).execute(arguments: [
            pseudonyms.key(event.actionID), revisions.next(), caseKey, referralKey, event.kind.rawValue,
            Self.code(event.municipality), done,
        ])
    }

    /// The case's and the referral's keys; nil for an empty id.
    private func subjectKeys(caseID: String, referralID: String) -> (Data?, Data?) {
        (caseID.isEmpty ? nil : pseudonyms.key(caseID), referralID.isEmpty ? nil : pseudonyms.key(referralID))
    }
}
