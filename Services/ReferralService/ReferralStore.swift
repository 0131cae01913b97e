internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

/// The referral service's store: one method per intent, each one durable transaction that also
/// appends its domain events to the outbox.
///
/// Thread-safe; methods await the database and never block the caller's thread.
struct ReferralStore: Sendable {
    let database: ServiceDatabase
    /// Hot records for point reads; every write below invalidates what it changes after commit.
    let referralCache = RecordCache<Referral>(capacity: 1024)
    let caseCache = RecordCache<Case>(capacity: 1024)
    static let source = "referral"

    /// The moment a write happens (shared by every service's store).
    typealias Moment = WriteMoment

    // MARK: - Referrals

    func submit(_ request: SubmitReferralRequest, accepted: ReferralValidation.Accepted, scope: String, at moment: Moment) async throws -> Referral {
        try await database.write { db in
            try db.idempotent(scope: scope, requestID: request.requestID) {
                if let existing = try Self.activeReferral(childKey: accepted.childKey, db) {
                    throw ReferralError.duplicate(referralID: existing)
                }
                var referral = Referral()
                referral.referralID = UUID().uuidString.lowercased()
                referral.status = .received
                referral.receivedAt = moment.timestamp
                referral.receivedOn = moment.today.description
                referral.details = request.details
                try ReferralRecord(referral, childKey: accepted.childKey).insert(db)
                let details = request.details ?? ReferralDetails()
                var event = ReferralSubmitted()
                event.referralID = referral.referralID
                event.municipality = details.municipality
                event.receivedOn = referral.receivedOn
                event.urgent = details.urgent
                event.requestedLength = details.requestedLength
                event.sex = details.child?.sex ?? .unspecified
                event.ageYears = Int32(accepted.ageOnPlannedAdmission)
                event.violenceTypes = details.violenceTypes
                event.orphansCourtInvolved = details.orphansCourtInvolved
                _ = try db.appendEvent(
                    kind: "ReferralSubmitted", caseID: referral.referralID, payload: event, source: Self.source,
                    at: moment.timestamp)
                return referral
            }
        }
    }

    /// Withdraws (SD) or declines (centre) a referral that is not yet admitted.
    func close(
        referralID: String, status: ReferralStatus, reason: String, requestID: String, scope: String,
        visibleTo principal: Principal, at moment: Moment
    ) async throws -> Referral {
        try await database.write { db in
            try db.idempotent(scope: scope, requestID: requestID) {
                guard let record = try ReferralRecord.fetchOne(db, key: referralID) else {
                    throw ReferralError.notFound("referral", referralID)
                }
                try ReferralAccessPolicy.see(principal, municipality: record.municipality, what: "referral", id: referralID)
                var referral = try record.referral()
                guard referral.status == .received || referral.status == .prePlacementMeetingHeld else {
                    throw ReferralError.precondition(
                        "referral \(referralID) is \(referral.status.description) and can no longer be withdrawn or declined")
                }
                referralCache.invalidateAfterCommit(referralID, db)
                referral.status = status
                referral.closingReason = reason
                referral.closedOn = moment.today.description
                try ReferralRecord(referral, childKey: record.childKey).update(db)
                var event = ReferralClosed()
                event.referralID = referralID
                event.status = status
                event.closedOn = referral.closedOn
                _ = try db.appendEvent(
                    kind: "ReferralClosed", caseID: referralID, payload: event, source: Self.source, at: moment.timestamp)
                return referral
            }
        }
    }

    /// The child's referral that is waiting or whose course is running, if any. A cached statement:
    /// this runs on every submission.
    static func activeReferral(childKey: String, _ db: Database) throws -> String? {
        let statement = try db.cachedStatement(
            sql: """
                SELECT r.referral_id FROM referral r LEFT JOIN "case" c ON c.case_id = r.case_id
                WHERE r.child_key = ? AND (r.status IN (?, ?) OR (r.status = ? AND c.status = ?))
                LIMIT 1
                """)
        return try String.fetchOne(
            statement,
            arguments: [
                childKey, ReferralStatus.received.rawValue, ReferralStatus.prePlacementMeetingHeld.rawValue,
                ReferralStatus.admitted.rawValue, CaseStatus.inCourse.rawValue,
            ])
    }

    func referral(_ referralID: String) async throws -> Referral? {
        try await referralCache.value(for: referralID) {
            try await database.read { db in
                let statement = try db.cachedStatement(sql: "SELECT message FROM referral WHERE referral_id = ?")
                return try Data.fetchOne(statement, arguments: [referralID]).map { try Referral(serializedBytes: Array($0)) }
            }
        }
    }

    /// A page of referrals in the order received; `municipality` nil means all.
    func referrals(
        municipality: String?, statuses: [ReferralStatus], from: CalendarDay?, to: CalendarDay?, size: Int, after: PageToken?
    ) async throws -> [ReferralRecord] {
        try await database.read { db in
            var query = ReferralRecord.all()
            if let municipality { query = query.filter(ReferralRecord.Columns.municipality == municipality) }
            if !statuses.isEmpty { query = query.filter(statuses.map(\.rawValue).contains(ReferralRecord.Columns.status)) }
            if let from { query = query.filter(ReferralRecord.Columns.receivedOn >= from.description) }
            if let to { query = query.filter(ReferralRecord.Columns.receivedOn <= to.description) }
            if let after, after.after.count == 2, let micros = Int64(after.after[0]) {
                let id = after.after[1]
                query = query.filter(
                    ReferralRecord.Columns.receivedAtMicros > micros
                        || (ReferralRecord.Columns.receivedAtMicros == micros && ReferralRecord.Columns.referralID > id))
            }
            return try query.order(ReferralRecord.Columns.receivedAtMicros, ReferralRecord.Columns.referralID)
                .limit(size + 1).fetchAll(db)
        }
    }

    /// The inputs of the waiting list: referrals waiting, and the courses holding places.
    func waitingListInputs() async throws -> ([AdmissionRules.Waiting], [AdmissionRules.Occupancy]) {
        try await database.read { db in
            let waiting = try ReferralRecord
                .filter([ReferralStatus.received.rawValue, ReferralStatus.prePlacementMeetingHeld.rawValue]
                    .contains(ReferralRecord.Columns.status))
                .fetchAll(db)
                .map { record in
                    AdmissionRules.Waiting(
                        referralID: record.referralID, urgent: record.urgent, receivedAtMicros: record.receivedAtMicros,
                        requested: (try? record.referral().details?.requestedLength) ?? .unspecified)
                }
            return (waiting, try Self.inCourse(db))
        }
    }

    static func inCourse(_ db: Database) throws -> [AdmissionRules.Occupancy] {
        try CaseRecord.filter(CaseRecord.Columns.status == CaseStatus.inCourse.rawValue).fetchAll(db).map {
            AdmissionRules.Occupancy(admission: CalendarDay(dayNumber: $0.admissionDay), lastDay: CalendarDay(dayNumber: $0.lastDay))
        }
    }
}
