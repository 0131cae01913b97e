internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

/// The rehabilitation plan's versions: one open draft at a time; each approval freezes the draft
/// as an immutable version; a revision starts a new draft numbered after it.
extension AssessmentStore {
    func draftPlan(_ request: DraftPlanRequest, goals: [PlanGoal], interventions: [PlanIntervention], by writer: Writer)
        async throws -> RehabilitationPlan
    {
        try await database.write { db in
            try db.idempotent(scope: "DraftPlan|\(writer.subject)", requestID: request.requestID) {
                _ = try Self.openCase(request.caseID, db)
                let latest = try Self.latestPlan(request.caseID, db)
                if let latest, latest.status == .draft {
                    throw AssessmentError.alreadyExists(
                        "case \(request.caseID) already has an open draft, plan version \(latest.version); change it with UpdatePlan",
                        id: "\(request.caseID)/\(latest.version)")
                }
                if latest != nil && request.revisionNote.isEmpty {
                    throw AssessmentError.invalid("revision_note", "is required for a revision of an approved plan")
                }
                var plan = RehabilitationPlan()
                plan.caseID = request.caseID
                plan.version = (latest?.version ?? 0) + 1
                plan.status = .draft
                plan.goals = goals
                plan.interventions = interventions
                plan.draftedOn = writer.moment.today.description
                plan.revisionNote = request.revisionNote
                plan.updatedAt = writer.moment.timestamp
                plan.updatedBy = writer.subject
                try PlanVersionRecord(plan).insert(db)
                return plan
            }
        }
    }

    func updatePlan(_ request: UpdatePlanRequest, goals: [PlanGoal], interventions: [PlanIntervention], by writer: Writer)
        async throws -> RehabilitationPlan
    {
        try await database.write { db in
            try db.idempotent(scope: "UpdatePlan|\(writer.subject)", requestID: request.requestID) {
                _ = try Self.openCase(request.caseID, db)
                var plan = try Self.draft(request.caseID, version: request.version, db)
                plan.goals = goals
                plan.interventions = interventions
                if !request.revisionNote.isEmpty { plan.revisionNote = request.revisionNote }
                plan.updatedAt = writer.moment.timestamp
                plan.updatedBy = writer.subject
                try PlanVersionRecord(plan).update(db)
                return plan
            }
        }
    }

    func approvePlan(_ request: ApprovePlanRequest, by writer: Writer) async throws -> RehabilitationPlan {
        try await database.write { db in
            try db.idempotent(scope: "ApprovePlan|\(writer.subject)", requestID: request.requestID) {
                let file = try Self.openCase(request.caseID, db)
                var plan = try Self.draft(request.caseID, version: request.version, db)
                let approved = try PlanVersionRecord
                    .filter(PlanVersionRecord.Columns.caseID == request.caseID)
                    .filter(PlanVersionRecord.Columns.status == PlanStatus.approved.rawValue)
                    .fetchAll(db).map { try $0.value() }
                let meetings = try HeldMeetingRecord.filter(HeldMeetingRecord.Columns.caseID == request.caseID).fetchAll(db)
                switch PlanRules.approval(
                    of: plan, meetings: meetings.map(\.message), usedMeetingIDs: Set(approved.map(\.approvedAtMeetingID)),
                    caseID: request.caseID, meeting1Window: file.schedule.meeting1.description)
                {
                case .refused(let reason):
                    throw AssessmentError.precondition(reason)
                case .approvedAt(let meeting):
                    plan.status = .approved
                    plan.approvedOn = meeting.heldOn
                    plan.approvedAtMeetingID = meeting.meetingID
                }
                plan.updatedAt = writer.moment.timestamp
                plan.updatedBy = writer.subject
                try PlanVersionRecord(plan).update(db)

                var event = PlanApproved()
                event.caseID = plan.caseID
                event.version = plan.version
                event.approvedOn = plan.approvedOn
                event.meetingID = plan.approvedAtMeetingID
                event.goalCount = Int32(plan.goals.count)
                event.serviceTypes = plan.interventions.map(\.serviceType)
                try db.appendEvent(
                    kind: "PlanApproved", caseID: plan.caseID, payload: event, source: Self.source, at: writer.moment.timestamp)
                return plan
            }
        }
    }

    /// Plan version `version` of the case (0: the latest), drafts included only when `withDrafts`.
    func plan(_ caseID: String, version: Int32, withDrafts: Bool) async throws -> RehabilitationPlan? {
        try await database.read { db in
            var query = PlanVersionRecord.filter(PlanVersionRecord.Columns.caseID == caseID)
            if !withDrafts { query = query.filter(PlanVersionRecord.Columns.status == PlanStatus.approved.rawValue) }
            if version != 0 { query = query.filter(PlanVersionRecord.Columns.version == version) }
            return try query.order(PlanVersionRecord.Columns.version.desc).fetchOne(db)?.value()
        }
    }

    // MARK: - Helpers (inside a transaction)

    static func latestPlan(_ caseID: String, _ db: Database) throws -> RehabilitationPlan? {
        try PlanVersionRecord.filter(PlanVersionRecord.Columns.caseID == caseID)
            .order(PlanVersionRecord.Columns.version.desc).fetchOne(db)?.value()
    }

    /// The draft `version` of the case.
    /// - Throws: NOT_FOUND when there is no such version; FAILED_PRECONDITION when it is approved.
    static func draft(_ caseID: String, version: Int32, _ db: Database) throws -> RehabilitationPlan {
        guard let record = try PlanVersionRecord.fetchOne(db, key: ["case_id": caseID, "version": version]) else {
            throw AssessmentError.notFound("plan version \(version) of case", caseID)
        }
        let plan = try record.value()
        guard plan.status == .draft else {
            throw AssessmentError.precondition(
                "plan version \(version) of case \(caseID) was approved on \(plan.approvedOn) and is immutable; "
                    + "start a revision with DraftPlan")
        }
        return plan
    }
}
