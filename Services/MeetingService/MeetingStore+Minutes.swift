internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

extension MeetingStore {
    /// Stores draft minutes (replacing an earlier draft) or finalises them. Final minutes never
    /// change again: corrections are addenda. Finalising emits `MeetingHeld` with the agreed actions'
    /// ids, owning institutions and due days.
    func recordMinutes(_ request: RecordMinutesRequest, by principal: Principal, at moment: Moment) async throws -> Meeting {
        try await database.write { db in
            try db.idempotent(scope: "RecordMinutes|\(principal.subject)", requestID: request.requestID) {
                let (record, stored) = try Self.load(request.meetingID, visibleTo: principal, db)
                var meeting = stored
                try MeetingAccessPolicy.convene(
                    principal, kind: meeting.kind, municipality: meeting.municipality, "RecordMinutes")
                switch meeting.status {
                case .cancelled:
                    throw MeetingError.precondition(
                        "meeting \(meeting.meetingID) was cancelled: minutes are recorded only for a meeting that took place")
                case .held:
                    throw MeetingError.precondition(
                        "the minutes of meeting \(meeting.meetingID) were finalised and cannot be changed; "
                            + "add a correction with AddMinutesAddendum")
                default:
                    break
                }
                var minutes = try MeetingValidation.minutes(request, for: meeting, today: moment.today)
                // An action keeps its id across drafts when the client sends it back.
                let known = Set(meeting.minutes?.actions.map(\.actionID) ?? [])
                for index in minutes.actions.indices where !known.contains(minutes.actions[index].actionID) {
                    minutes.actions[index].actionID = UUID().uuidString.lowercased()
                }
                minutes.recordedAt = moment.timestamp
                minutes.recordedBy = principal.subject
                if request.finalise { minutes.finalisedAt = moment.timestamp }
                meeting.minutes = minutes
                meeting.status = request.finalise ? .held : .minutesDraft
                meeting.history.append(
                    Self.change(request.finalise ? .minutesFinalised : .minutesDrafted, by: principal, at: moment, slot: nil))
                try MeetingRecord(meeting, subjectID: record.subjectID).update(db)
                try Self.replaceActions(of: meeting, db)
                if request.finalise {
                    let window = try window(of: meeting, db)
                    var event = MeetingHeld()
                    event.meetingID = meeting.meetingID
                    event.kind = meeting.kind
                    event.caseID = meeting.kind == .prePlacement ? "" : meeting.caseID
                    event.referralID = meeting.referralID
                    event.heldOn = minutes.heldOn
                    event.planApproved = minutes.planApproved
                    event.municipality = meeting.municipality
                    event.heldInWindow = CalendarDay(iso: minutes.heldOn).map(window.contains) ?? false
                    event.quarter = meeting.quarter
                    // Ids, owners and days only: descriptions and owners' names are free text.
                    event.actions = minutes.actions.map {
                        MeetingHeldAction(actionID: $0.actionID, ownerInstitution: $0.ownerInstitution, dueOn: $0.dueOn)
                    }
                    try Self.append("MeetingHeld", event, for: meeting, at: moment.timestamp, db)
                }
                return try decorated(meeting, db)
            }
        }
    }

    /// Appends a correction to finalised minutes.
    func addAddendum(_ request: AddMinutesAddendumRequest, by principal: Principal, at moment: Moment) async throws -> Meeting {
        try await database.write { db in
            try db.idempotent(scope: "AddMinutesAddendum|\(principal.subject)", requestID: request.requestID) {
                let (record, stored) = try Self.load(request.meetingID, visibleTo: principal, db)
                var meeting = stored
                switch meeting.status {
                case .held:
                    break
                case .minutesDraft:
                    throw MeetingError.precondition(
                        "the minutes of meeting \(meeting.meetingID) are still a draft: change them with RecordMinutes; "
                            + "addenda correct finalised minutes")
                default:
                    throw MeetingError.precondition("meeting \(meeting.meetingID) has no finalised minutes to correct")
                }
                var addendum = MeetingAddendum()
                addendum.addendumID = UUID().uuidString.lowercased()
                addendum.text = request.text
                addendum.addedAt = moment.timestamp
                addendum.addedByInstitution = principal.institution
                addendum.addedBy = principal.subject
                meeting.addenda.append(addendum)
                meeting.history.append(Self.change(.addendumAdded, by: principal, at: moment, slot: nil))
                try MeetingRecord(meeting, subjectID: record.subjectID).update(db)
                var event = MeetingAddendumAdded()
                event.meetingID = meeting.meetingID
                event.kind = meeting.kind
                event.caseID = meeting.kind == .prePlacement ? "" : meeting.caseID
                event.referralID = meeting.referralID
                event.addedOn = moment.today.description
                try Self.append("MeetingAddendumAdded", event, for: meeting, at: moment.timestamp, db)
                return try decorated(meeting, db)
            }
        }
    }

    /// Marks an agreed action done, so it no longer counts as past due, and emits
    /// `AgreedActionCompleted` in the same transaction.
    func completeAction(
        _ request: CompleteAgreedActionRequest, doneOn: CalendarDay, by principal: Principal, at moment: Moment
    ) async throws -> Meeting {
        try await database.write { db in
            try db.idempotent(scope: "CompleteAgreedAction|\(principal.subject)", requestID: request.requestID) {
                let (record, stored) = try Self.load(request.meetingID, visibleTo: principal, db)
                var meeting = stored
                guard let action = meeting.minutes?.actions.first(where: { $0.actionID == request.actionID }) else {
                    throw MeetingError.notFound("agreed action", request.actionID)
                }
                if let done = meeting.completedActions.first(where: { $0.actionID == action.actionID }) {
                    throw MeetingError.precondition("agreed action \(action.actionID) was already marked done on \(done.doneOn)")
                }
                if let held = meeting.minutes.flatMap({ CalendarDay(iso: $0.heldOn) }), doneOn < held {
                    throw MeetingError.invalid("done_on", "is before the meeting was held (\(held))")
                }
                meeting.completedActions.append(
                    MeetingActionCompletion(actionID: action.actionID, doneOn: doneOn.description, recordedBy: principal.subject))
                meeting.history.append(Self.change(.actionCompleted, by: principal, at: moment, slot: nil))
                try MeetingRecord(meeting, subjectID: record.subjectID).update(db)
                try db.execute(
                    sql: "UPDATE agreed_action SET done_day = ? WHERE meeting_id = ? AND action_id = ?",
                    arguments: [doneOn.dayNumber, meeting.meetingID, action.actionID])
                var event = AgreedActionCompleted()
                event.meetingID = meeting.meetingID
                event.kind = meeting.kind
                event.caseID = meeting.kind == .prePlacement ? "" : meeting.caseID
                event.referralID = meeting.referralID
                event.municipality = meeting.municipality
                event.actionID = action.actionID
                event.doneOn = doneOn.description
                event.quarter = meeting.quarter
                try Self.append("AgreedActionCompleted", event, for: meeting, at: moment.timestamp, db)
                return try decorated(meeting, db)
            }
        }
    }

    /// Replaces the `agreed_action` rows of a meeting with its minutes' actions.
    static func replaceActions(of meeting: Meeting, _ db: Database) throws {
        try AgreedActionRecord.filter(AgreedActionRecord.Columns.meetingID == meeting.meetingID).deleteAll(db)
        let done = Dictionary(
            meeting.completedActions.map { ($0.actionID, CalendarDay(iso: $0.doneOn)?.dayNumber) }, uniquingKeysWith: { a, _ in a })
        for action in meeting.minutes?.actions ?? [] {
            guard let due = CalendarDay(iso: action.dueOn) else { continue }
            try AgreedActionRecord(
                meetingID: meeting.meetingID, actionID: action.actionID, meetingKind: meeting.kind.rawValue,
                caseID: meeting.caseID, referralID: meeting.referralID, municipality: meeting.municipality,
                dueDay: due.dayNumber, doneDay: done[action.actionID] ?? nil, message: Data(action.serializedBytes())
            ).insert(db)
        }
    }
}
