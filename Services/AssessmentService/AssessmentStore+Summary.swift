internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

/// Sessions, the final summary, and the reads of a whole case.
extension AssessmentStore {
    func logSession(_ request: LogSessionRequest, day: CalendarDay, by writer: Writer) async throws -> RehabilitationSession {
        try await database.write { db in
            try db.idempotent(scope: "LogSession|\(writer.subject)", requestID: request.requestID) {
                let file = try Self.openCase(request.caseID, db)
                var serviceType = request.serviceType
                if !request.interventionID.isEmpty {
                    let planned = try PlanVersionRecord.filter(PlanVersionRecord.Columns.caseID == request.caseID)
                        .order(PlanVersionRecord.Columns.version.desc).fetchAll(db)
                        .lazy.compactMap { try? $0.value().interventions.first { $0.interventionID == request.interventionID } }
                        .first
                    guard let planned else {
                        throw AssessmentError.invalid("intervention_id", "is not an intervention of the case's plan")
                    }
                    if serviceType.isEmpty { serviceType = planned.serviceType }
                    guard serviceType == planned.serviceType else {
                        throw AssessmentError.invalid(
                            "service_type", "differs from the planned intervention's type '\(planned.serviceType)'")
                    }
                }
                var session = RehabilitationSession()
                session.sessionID = UUID().uuidString.lowercased()
                session.caseID = request.caseID
                session.heldOn = day.description
                session.courseDay = try Self.courseDay(day, file, "held_on", today: writer.moment.today)
                session.serviceType = serviceType
                session.interventionID = request.interventionID
                session.specialistRole = request.specialistRole
                session.minutes = request.minutes
                session.participants = request.participants
                session.note = request.note
                session.recordedBy = writer.subject
                session.recordedAt = writer.moment.timestamp
                try SessionRecord(session).insert(db)

                var event = SessionLogged()
                event.caseID = session.caseID
                event.sessionID = session.sessionID
                event.heldOn = session.heldOn
                event.serviceType = session.serviceType
                event.minutes = session.minutes
                event.participants = session.participants
                event.specialistRole = session.specialistRole
                event.courseDay = session.courseDay
                try db.appendEvent(
                    kind: "SessionLogged", caseID: session.caseID, payload: event, source: Self.source, at: writer.moment.timestamp)
                return session
            }
        }
    }

    /// Issues the case's final summary from its BASELINE, MID (when present) and FINAL assessments.
    func issueSummary(_ request: IssueFinalSummaryRequest, day: CalendarDay?, by writer: Writer) async throws -> FinalSummary {
        let instruments = instruments
        return try await database.write { db in
            try db.idempotent(scope: "IssueFinalSummary|\(writer.subject)", requestID: request.requestID) {
                if let issued = try FinalSummaryRecord.fetchOne(db, key: request.caseID) {
                    throw AssessmentError.alreadyExists(
                        "the final summary of case \(request.caseID) was issued on \(issued.issuedOn) and is immutable",
                        id: request.caseID)
                }
                let file = try Self.openCase(request.caseID, db)
                let instrumentID = request.instrumentID.isEmpty ? PilotMappingInstrument.instrumentID : request.instrumentID
                let assessments = try AssessmentRecord
                    .filter(AssessmentRecord.Columns.caseID == request.caseID)
                    .filter(AssessmentRecord.Columns.instrumentID == instrumentID)
                    .fetchAll(db).map { try $0.value() }
                let baseline = assessments.first { $0.timePoint == .baseline }
                let mid = assessments.first { $0.timePoint == .mid }
                let final = assessments.first { $0.timePoint == .final }
                guard let baseline, let final else {
                    let missing = [baseline == nil ? "BASELINE" : nil, final == nil ? "FINAL" : nil].compactMap { $0 }
                    throw AssessmentError.precondition(
                        "the final summary needs BASELINE and FINAL assessments with \(instrumentID); case \(request.caseID) "
                            + "has no \(missing.joined(separator: " and ")) assessment")
                }
                let day = day ?? writer.moment.today
                _ = try Self.dayInCase(day, file, "issued_on", today: writer.moment.today)
                if let finalDay = CalendarDay(iso: final.assessedOn), day < finalDay {
                    throw AssessmentError.invalid("issued_on", "is before the FINAL assessment (\(finalDay))")
                }
                let instrument = instruments.instrument(instrumentID, version: final.instrumentVersion)
                    ?? instruments.instrument(instrumentID, version: 0) ?? PilotMappingInstrument.version1
                let sessions = try SessionRecord.filter(SessionRecord.Columns.caseID == request.caseID).fetchAll(db)
                    .map { try $0.value() }
                let planVersion = try Int32.fetchOne(
                    db, sql: "SELECT MAX(version) FROM plan_version WHERE case_id = ? AND status = ?",
                    arguments: [request.caseID, PlanStatus.approved.rawValue])

                var summary = FinalSummary()
                summary.caseID = request.caseID
                summary.issuedOn = day.description
                summary.municipality = file.municipality
                summary.timeline = try file.timelineMessage()
                summary.instrumentID = instrumentID
                summary.instrumentVersion = final.instrumentVersion
                summary.baselineAssessmentID = baseline.assessmentID
                summary.midAssessmentID = mid?.assessmentID ?? ""
                summary.finalAssessmentID = final.assessmentID
                summary.dynamics = SummaryDynamics.compute(instrument: instrument, baseline: baseline, mid: mid, final: final)
                summary.narrative = request.narrative
                summary.recommendations = request.recommendations
                summary.destination = request.destination
                summary.destinationNote = request.destinationNote
                summary.followUpPlan = request.followUpPlan
                summary.sessionsLogged = Int32(sessions.count)
                summary.sessionMinutes = sessions.reduce(0) { $0 + $1.minutes }
                summary.planVersion = planVersion ?? 0
                summary.issuedBy = writer.subject
                summary.issuedAt = writer.moment.timestamp
                try FinalSummaryRecord(summary).insert(db)

                var event = FinalSummaryIssued()
                event.caseID = summary.caseID
                event.issuedOn = summary.issuedOn
                event.destination = summary.destination
                try db.appendEvent(
                    kind: "FinalSummaryIssued", caseID: summary.caseID, payload: event, source: Self.source,
                    at: writer.moment.timestamp)
                return summary
            }
        }
    }

    // MARK: - Reads

    func caseFile(_ caseID: String) async throws -> CaseFileRecord? {
        try await database.read { db in try CaseFileRecord.fetchOne(db, key: caseID) }
    }

    func summary(_ caseID: String) async throws -> FinalSummary? {
        try await database.read { db in try FinalSummaryRecord.fetchOne(db, key: caseID)?.value() }
    }

    /// Everything stored about the case, or nil when it is not known.
    func caseRecord(_ caseID: String) async throws -> AssessmentCaseRecord? {
        try await database.read { db in
            guard let file = try CaseFileRecord.fetchOne(db, key: caseID) else { return nil }
            var record = AssessmentCaseRecord()
            record.caseID = caseID
            record.municipality = file.municipality
            record.timeline = try file.timelineMessage()
            record.status = AssessmentCaseStatus(rawValue: file.status)
            record.endedOn = file.endedOn
            record.meetings = try HeldMeetingRecord.filter(HeldMeetingRecord.Columns.caseID == caseID)
                .order(HeldMeetingRecord.Columns.heldOn, HeldMeetingRecord.Columns.meetingID).fetchAll(db).map(\.message)
            record.observations = try ObservationRecord.filter(ObservationRecord.Columns.caseID == caseID)
                .order(ObservationRecord.Columns.observedOn, ObservationRecord.Columns.recordedAtMicros).fetchAll(db)
                .map { try $0.value() }
            record.assessments = try AssessmentRecord.filter(AssessmentRecord.Columns.caseID == caseID)
                .order(AssessmentRecord.Columns.assessedOn, AssessmentRecord.Columns.timePoint).fetchAll(db)
                .map { try $0.value() }
            record.planVersions = try PlanVersionRecord.filter(PlanVersionRecord.Columns.caseID == caseID)
                .order(PlanVersionRecord.Columns.version).fetchAll(db).map { try $0.value() }
            record.sessions = try SessionRecord.filter(SessionRecord.Columns.caseID == caseID)
                .order(SessionRecord.Columns.heldOn, SessionRecord.Columns.recordedAtMicros).fetchAll(db)
                .map { try $0.value() }
            record.finalSummary = try FinalSummaryRecord.fetchOne(db, key: caseID)?.value()
            return record
        }
    }
}
