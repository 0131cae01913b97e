internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

/// The assessment service's store: one method per intent, each one durable transaction that also
/// appends its domain events to the outbox.
///
/// Rules that depend on the case (open, its days, its plan, its summary) are checked inside the
/// write's transaction, so two concurrent writers cannot both pass them. Thread-safe; methods
/// await the database and never block the caller's thread.
struct AssessmentStore: Sendable {
    let database: ServiceDatabase
    let instruments: InstrumentLibrary
    static let source = "assessment"

    /// The moment a write happens (shared by every service's store).
    typealias Moment = WriteMoment

    /// Who writes, for `recorded_by` and the idempotency scope.
    struct Writer: Sendable {
        var subject: String
        var moment: Moment
    }

    // MARK: - Observations

    func recordObservation(_ request: RecordObservationRequest, day: CalendarDay?, by writer: Writer) async throws
        -> MappingObservation
    {
        try await database.write { db in
            try db.idempotent(scope: "RecordObservation|\(writer.subject)", requestID: request.requestID) {
                let file = try Self.openCase(request.caseID, db)
                let day = day ?? writer.moment.today
                var observation = MappingObservation()
                observation.observationID = UUID().uuidString.lowercased()
                observation.caseID = request.caseID
                observation.observedOn = day.description
                observation.courseDay = try Self.courseDay(day, file, "observed_on", today: writer.moment.today)
                observation.area = request.area
                observation.observerRole = request.observerRole
                observation.note = request.note
                observation.recordedBy = writer.subject
                observation.recordedAt = writer.moment.timestamp
                try ObservationRecord(observation).insert(db)
                return observation
            }
        }
    }

    // MARK: - Assessments

    /// Stores an assessment whose ratings were validated against `instrument`; scores it.
    func recordAssessment(_ request: RecordAssessmentRequest, instrument: Instrument, day: CalendarDay?, by writer: Writer)
        async throws -> Assessment
    {
        try await database.write { db in
            try db.idempotent(scope: "RecordAssessment|\(writer.subject)", requestID: request.requestID) {
                let file = try Self.openCase(request.caseID, db)
                let day = day ?? writer.moment.today
                let courseDay = try Self.dayInCase(day, file, "assessed_on", today: writer.moment.today)
                let mappingEnd = file.schedule.mappingWindow.last
                let late = request.timePoint == .baseline && day > mappingEnd
                if late && request.lateReason.isEmpty {
                    throw AssessmentError.precondition(
                        "a BASELINE assessment is due by day 10 (\(mappingEnd)); one assessed on \(day) (day \(courseDay)) "
                            + "needs late_reason, which is recorded with it")
                }
                if let existing = try AssessmentRecord
                    .filter(AssessmentRecord.Columns.caseID == request.caseID)
                    .filter(AssessmentRecord.Columns.instrumentID == instrument.instrumentID)
                    .filter(AssessmentRecord.Columns.timePoint == request.timePoint.rawValue)
                    .fetchOne(db)
                {
                    throw AssessmentError.alreadyExists(
                        "case \(request.caseID) already has a \(request.timePoint) assessment with \(instrument.instrumentID): "
                            + "\(existing.assessmentID); recorded assessments are immutable",
                        id: existing.assessmentID)
                }
                let ratings = Dictionary(request.ratings.map { ($0.itemID, $0.rating) }, uniquingKeysWith: { first, _ in first })
                var assessment = Assessment()
                assessment.assessmentID = UUID().uuidString.lowercased()
                assessment.caseID = request.caseID
                assessment.instrumentID = instrument.instrumentID
                assessment.instrumentVersion = instrument.version
                assessment.timePoint = request.timePoint
                assessment.assessedOn = day.description
                assessment.courseDay = courseDay
                assessment.ratings = request.ratings
                assessment.scores = InstrumentScoring.score(ratings, with: instrument)
                assessment.areaNarratives = request.areaNarratives
                assessment.narrative = request.narrative
                assessment.lateReason = late ? request.lateReason : ""
                assessment.assessorRole = request.assessorRole
                assessment.recordedBy = writer.subject
                assessment.recordedAt = writer.moment.timestamp
                try AssessmentRecord(assessment).insert(db)

                var event = AssessmentRecorded()
                event.caseID = assessment.caseID
                event.assessmentID = assessment.assessmentID
                event.timePoint = assessment.timePoint
                event.instrumentID = assessment.instrumentID
                event.instrumentVersion = assessment.instrumentVersion
                event.recordedOn = assessment.assessedOn
                event.courseDay = courseDay
                event.late = late
                event.scores = assessment.scores.map { score in
                    var fact = AreaScoreFact()
                    fact.areaID = score.areaID
                    fact.pilotArea = score.pilotArea
                    fact.score = score.score
                    fact.complete = score.complete
                    fact.bandCode = score.bandCode
                    fact.missingItems = score.missingItems
                    return fact
                }
                try db.appendEvent(
                    kind: "AssessmentRecorded", caseID: assessment.caseID, payload: event, source: Self.source,
                    at: writer.moment.timestamp)
                return assessment
            }
        }
    }

    // MARK: - Case rules (inside a write transaction)

    /// The case, when it is admitted, not ended and its summary not issued.
    /// - Throws: NOT_FOUND for a case not admitted; FAILED_PRECONDITION for an ended case or an
    ///   issued summary.
    static func openCase(_ caseID: String, _ db: Database) throws -> CaseFileRecord {
        guard let file = try CaseFileRecord.fetchOne(db, key: caseID) else { throw AssessmentError.unknownCase(caseID) }
        if let issued = try String.fetchOne(db, sql: "SELECT issued_on FROM final_summary WHERE case_id = ?", arguments: [caseID]) {
            throw AssessmentError.precondition(
                "the final summary of case \(caseID) was issued on \(issued): the case's assessment record is closed "
                    + "and the summary is immutable")
        }
        guard file.isOpen else {
            throw AssessmentError.precondition("case \(caseID) ended on \(file.endedOn): its assessment record is closed")
        }
        return file
    }

    /// The course day of `day`, which must lie within the course and not in the future.
    static func courseDay(_ day: CalendarDay, _ file: CaseFileRecord, _ field: String, today: CalendarDay) throws -> Int32 {
        let schedule = file.schedule
        guard schedule.course.contains(day) else {
            throw AssessmentError.invalid(field, "must be within the course, \(schedule.admission) to \(schedule.lastDay)")
        }
        return try dayInCase(day, file, field, today: today)
    }

    /// The course day of `day`, which must be on or after admission and not in the future.
    static func dayInCase(_ day: CalendarDay, _ file: CaseFileRecord, _ field: String, today: CalendarDay) throws -> Int32 {
        let schedule = file.schedule
        guard day >= schedule.admission else {
            throw AssessmentError.invalid(field, "is before the admission day \(schedule.admission)")
        }
        guard day <= today else { throw AssessmentError.invalid(field, "is in the future") }
        return Int32(schedule.dayNumber(of: day))
    }
}
