internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

extension ReferralStore {
    /// What an admission needs besides the request: the service's configuration.
    struct AdmissionPolicy: Sendable {
        var capacity: Int
        var allocation: AdmissionRules.AllocationPolicy
        var randomizer: BlockRandomizer
    }

    func admit(_ request: AdmitCaseRequest, admission: CalendarDay, policy: AdmissionPolicy, scope: String, at moment: Moment)
        async throws -> Case
    {
        try await database.write { db in
            try db.idempotent(scope: scope, requestID: request.requestID) {
                guard let record = try ReferralRecord.fetchOne(db, key: request.referralID) else {
                    throw ReferralError.notFound("referral", request.referralID)
                }
                var referral = try record.referral()
                guard referral.status == .received || referral.status == .prePlacementMeetingHeld else {
                    throw ReferralError.precondition(
                        "referral \(request.referralID) is \(referral.status.description); only a waiting referral can be admitted")
                }
                let details = referral.details ?? ReferralDetails()
                let birthDate = CalendarDay(iso: details.child?.birthDate ?? "") ?? admission
                let age = ageInYears(birthDate: birthDate, on: admission)
                guard age < 18 else {
                    throw ReferralError.precondition("the child is 18 or older on \(admission); the pilot is for children")
                }
                let ageBand = AgeBand(age: age)

                // The pre-placement meeting: reported by the meeting service, or stated in the request.
                var deviations: [Deviation] = []
                var heldOn = referral.prePlacementMeetingHeldOn
                if heldOn.isEmpty { heldOn = request.prePlacementMeetingHeldOn }
                if heldOn.isEmpty {
                    guard !request.urgentJustification.isEmpty else {
                        throw ReferralError.precondition(
                            "admission needs the pre-placement meeting held (pre_placement_meeting_held_on) "
                                + "or an urgent_justification, which is recorded as a deviation")
                    }
                    var deviation = Deviation()
                    deviation.kind = "ADMITTED_WITHOUT_PRE_PLACEMENT_MEETING"
                    deviation.justification = request.urgentJustification
                    deviation.recordedAt = moment.timestamp
                    deviations.append(deviation)
                } else if let held = CalendarDay(iso: heldOn), held > admission {
                    throw ReferralError.invalid("pre_placement_meeting_held_on", "must be on or before the admission date")
                }

                let randomizedSoFar = try CaseRecord
                    .filter(CaseRecord.Columns.ageBand == ageBand.rawValue)
                    .filter(CaseRecord.Columns.allocationMethod == AllocationMethod.randomized.rawValue)
                    .fetchCount(db)
                let length: CourseLength
                let method: AllocationMethod
                switch AdmissionRules.allocate(
                    policy: policy.allocation, requested: details.requestedLength, askedDays: request.courseLengthDays,
                    ageBand: ageBand, randomizer: policy.randomizer, randomizedIndex: randomizedSoFar)
                {
                case .allocated(let allocated, let how):
                    length = allocated
                    method = how
                case .invalid(let field, let reason):
                    throw ReferralError.invalid(field, reason)
                case .conflict(let message):
                    throw ReferralError.precondition(message)
                }

                let timeline = CaseTimeline(admission: admission, length: length)
                let taken = AdmissionRules.peakOccupancy(of: try Self.inCourse(db), during: timeline.course)
                guard taken < policy.capacity else {
                    throw ReferralError.precondition(
                        "the centre has no free place for a \(length.rawValue)-day course from \(admission): "
                            + "\(taken) of \(policy.capacity) places are taken; see GetWaitingList for the earliest date")
                }

                var value = Case()
                value.caseID = UUID().uuidString.lowercased()
                value.referralID = referral.referralID
                value.status = .inCourse
                value.municipality = details.municipality
                value.timeline = Self.timelineMessage(timeline)
                value.allocationMethod = method
                value.deviations = deviations
                try CaseRecord(
                    value, admissionDay: admission.dayNumber, lastDay: timeline.lastDay.dayNumber, ageBand: ageBand.rawValue
                ).insert(db)
                referralCache.invalidateAfterCommit(referral.referralID, db)
                referral.status = .admitted
                referral.caseID = value.caseID
                if referral.prePlacementMeetingHeldOn.isEmpty { referral.prePlacementMeetingHeldOn = request.prePlacementMeetingHeldOn }
                try ReferralRecord(referral, childKey: record.childKey).update(db)

                var event = CaseAdmitted()
                event.caseID = value.caseID
                event.referralID = referral.referralID
                event.municipality = value.municipality
                event.timeline = value.timeline
                event.allocationMethod = method
                event.withoutPrePlacementMeeting = !deviations.isEmpty
                event.referralReceivedOn = referral.receivedOn
                _ = try db.appendEvent(kind: "CaseAdmitted", caseID: value.caseID, payload: event, source: Self.source, at: moment.timestamp)
                return value
            }
        }
    }

    func `case`(_ caseID: String) async throws -> Case? {
        try await caseCache.value(for: caseID) {
            try await database.read { db in
                let statement = try db.cachedStatement(sql: #"SELECT message FROM "case" WHERE case_id = ?"#)
                return try Data.fetchOne(statement, arguments: [caseID]).map { try Case(serializedBytes: Array($0)) }
            }
        }
    }

    /// A page of cases in admission order; `municipality` nil means all.
    func cases(municipality: String?, statuses: [CaseStatus], size: Int, after: PageToken?) async throws -> [CaseRecord] {
        try await database.read { db in
            var query = CaseRecord.all()
            if let municipality { query = query.filter(CaseRecord.Columns.municipality == municipality) }
            if !statuses.isEmpty { query = query.filter(statuses.map(\.rawValue).contains(CaseRecord.Columns.status)) }
            if let after, after.after.count == 2, let day = Int(after.after[0]) {
                let id = after.after[1]
                query = query.filter(
                    CaseRecord.Columns.admissionDay > day
                        || (CaseRecord.Columns.admissionDay == day && CaseRecord.Columns.caseID > id))
            }
            return try query.order(CaseRecord.Columns.admissionDay, CaseRecord.Columns.caseID).limit(size + 1).fetchAll(db)
        }
    }

    /// Ends a course in course: early with a reason, or completed (which needs the final summary).
    func end(
        caseID: String, status: CaseStatus, reason: TiltsMessages.TerminationReason, note: String, endedOn: CalendarDay,
        requestID: String, scope: String, at moment: Moment
    ) async throws -> Case {
        try await database.write { db in
            try db.idempotent(scope: scope, requestID: requestID) {
                guard let record = try CaseRecord.fetchOne(db, key: caseID) else {
                    throw ReferralError.notFound("case", caseID)
                }
                var value = try record.value()
                guard value.status == .inCourse else {
                    throw ReferralError.precondition("case \(caseID) is already \(value.status.description)")
                }
                let admission = CalendarDay(dayNumber: record.admissionDay)
                guard endedOn >= admission else {
                    throw ReferralError.invalid(status == .completed ? "completed_on" : "terminated_on", "is before the admission date \(admission)")
                }
                if status == .completed {
                    let issued = try String.fetchOne(db, sql: "SELECT issued_on FROM final_summary WHERE case_id = ?", arguments: [caseID])
                    guard let issued else {
                        throw ReferralError.precondition(
                            "case \(caseID) cannot be completed before the centre issues its final summary "
                                + "(assessment service, IssueFinalSummary)")
                    }
                    value.finalSummaryIssuedOn = issued
                }
                caseCache.invalidateAfterCommit(caseID, db)
                value.status = status
                value.terminationReason = reason
                value.terminationNote = note
                value.endedOn = endedOn.description
                try CaseRecord(value, admissionDay: record.admissionDay, lastDay: record.lastDay, ageBand: record.ageBand).update(db)
                var event = CaseEnded()
                event.caseID = caseID
                event.status = status
                event.terminationReason = reason
                event.endedOn = value.endedOn
                _ = try db.appendEvent(kind: "CaseEnded", caseID: caseID, payload: event, source: Self.source, at: moment.timestamp)
                return value
            }
        }
    }

    /// Applies the meeting service's PRE_PLACEMENT `MeetingHeld` (in the consumer's transaction).
    func applyPrePlacementMeeting(referralID: String, heldOn: String, _ db: Database) throws {
        referralCache.invalidateAfterCommit(referralID, db)
        try db.execute(
            sql: "INSERT OR REPLACE INTO pre_placement_meeting(referral_id, held_on) VALUES (?, ?)",
            arguments: [referralID, heldOn])
        guard let record = try ReferralRecord.fetchOne(db, key: referralID) else { return }
        var referral = try record.referral()
        referral.prePlacementMeetingHeldOn = heldOn
        if referral.status == .received { referral.status = .prePlacementMeetingHeld }
        try ReferralRecord(referral, childKey: record.childKey).update(db)
    }

    /// Applies the assessment service's `FinalSummaryIssued` (in the consumer's transaction).
    func applyFinalSummary(caseID: String, issuedOn: String, _ db: Database) throws {
        caseCache.invalidateAfterCommit(caseID, db)
        try db.execute(
            sql: "INSERT OR IGNORE INTO final_summary(case_id, issued_on) VALUES (?, ?)", arguments: [caseID, issuedOn])
        guard let record = try CaseRecord.fetchOne(db, key: caseID) else { return }
        var value = try record.value()
        value.finalSummaryIssuedOn = issuedOn
        try CaseRecord(value, admissionDay: record.admissionDay, lastDay: record.lastDay, ageBand: record.ageBand).update(db)
    }

    static func timelineMessage(_ timeline: CaseTimeline) -> Timeline {
        var message = Timeline()
        message.admissionDate = timeline.admission.description
        message.courseLengthDays = timeline.length.rawValue
        message.mappingEnd = timeline.mappingWindow.last.description
        message.meeting1 = window(timeline.meeting1)
        message.meeting2 = window(timeline.meeting2)
        message.meeting3 = window(timeline.meeting3)
        message.lastDay = timeline.lastDay.description
        return message
    }

    private static func window(_ window: DayWindow) -> DateWindow {
        var message = DateWindow()
        message.first = window.first.description
        message.last = window.last.description
        return message
    }
}
