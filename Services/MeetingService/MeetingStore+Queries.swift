internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore

extension MeetingStore {
    /// What a list of meetings is filtered by; nil or empty means no filter.
    struct MeetingFilter: Sendable {
        var scope: MeetingAccessPolicy.Scope
        var caseID = ""
        var referralID = ""
        var municipality = ""
        var kinds: [MeetingKind] = []
        var statuses: [MeetingStatus] = []
        var from: CalendarDay?
        var to: CalendarDay?
    }

    func meeting(_ id: String, visibleTo principal: Principal) async throws -> Meeting {
        try await database.read { db in
            let (_, meeting) = try Self.load(id, visibleTo: principal, db)
            return try decorated(meeting, db)
        }
    }

    /// A page of meetings in start order (`LIMIT size + 1`, see `Page`), decorated.
    func meetings(_ filter: MeetingFilter, size: Int, after: PageToken?) async throws -> [(MeetingRecord, Meeting)] {
        try await database.read { db in
            var query = MeetingRecord.all()
            let quarterly = MeetingKind.quarterlyReview.rawValue
            switch filter.scope {
            case .all:
                break
            case .municipality(let municipality):
                query = query.filter(
                    MeetingRecord.Columns.municipality == municipality
                        || (MeetingRecord.Columns.kind == quarterly
                            && MeetingRecord.Columns.invitedMunicipalities.like("%" + MeetingRecord.invitedKey(municipality) + "%")))
            case .quarterlyReviews:
                query = query.filter(MeetingRecord.Columns.kind == quarterly)
            }
            if !filter.municipality.isEmpty { query = query.filter(MeetingRecord.Columns.municipality == filter.municipality) }
            if !filter.caseID.isEmpty {
                // The case's meetings and its child's pre-placement meeting (same referral).
                let referral = try String.fetchOne(
                    db, sql: "SELECT referral_id FROM case_fact WHERE case_id = ?", arguments: [filter.caseID])
                query = query.filter(
                    MeetingRecord.Columns.caseID == filter.caseID || MeetingRecord.Columns.referralID == (referral ?? "\u{0}"))
            }
            if !filter.referralID.isEmpty { query = query.filter(MeetingRecord.Columns.referralID == filter.referralID) }
            if !filter.kinds.isEmpty { query = query.filter(filter.kinds.map(\.rawValue).contains(MeetingRecord.Columns.kind)) }
            if !filter.statuses.isEmpty {
                query = query.filter(filter.statuses.map(\.rawValue).contains(MeetingRecord.Columns.status))
            }
            if let from = filter.from { query = query.filter(MeetingRecord.Columns.startDay >= from.dayNumber) }
            if let to = filter.to { query = query.filter(MeetingRecord.Columns.startDay <= to.dayNumber) }
            if let after, after.after.count == 2, let micros = Int64(after.after[0]) {
                let id = after.after[1]
                query = query.filter(
                    MeetingRecord.Columns.startsAtMicros > micros
                        || (MeetingRecord.Columns.startsAtMicros == micros && MeetingRecord.Columns.meetingID > id))
            }
            let rows = try query.order(MeetingRecord.Columns.startsAtMicros, MeetingRecord.Columns.meetingID)
                .limit(size + 1).fetchAll(db)
            return try rows.map { ($0, try decorated($0.meeting(), db)) }
        }
    }

    /// Every required meeting the scope covers, with its status as of `asOf`, and the agreed
    /// actions past due. `caseID` (a case id, or a referral id before admission) limits it to one child.
    func dueAndOverdue(
        scope: MeetingAccessPolicy.Scope, principal: Principal, caseID: String, asOf: CalendarDay, overdueOnly: Bool
    ) async throws -> ListDueAndOverdueResponse {
        try await database.read { db in
            if !caseID.isEmpty { try Self.requireVisibleChild(caseID, principal, db) }
            var requirements: [MeetingRequirement] = []
            if scope != .quarterlyReviews {
                var query = RequirementRecord.all()
                if case .municipality(let municipality) = scope {
                    query = query.filter(RequirementRecord.Columns.municipality == municipality)
                }
                if !caseID.isEmpty {
                    query = query.filter(RequirementRecord.Columns.caseID == caseID || RequirementRecord.Columns.referralID == caseID)
                }
                for row in try query.fetchAll(db) {
                    let active = try Self.activeMeeting(subject: row.subjectID, kind: row.meetingKind, db)
                    var facts = MeetingRules.RequirementFacts(window: row.window)
                    facts.cancelledOn = row.cancelledDay.map(CalendarDay.init(dayNumber:))
                    facts.heldAsReportedAtAdmission = row.heldAtAdmission
                    var entry = MeetingRequirement()
                    entry.kind = row.meetingKind
                    entry.caseID = row.caseID
                    entry.referralID = row.referralID
                    entry.municipality = row.municipality
                    entry.heldAsReportedAtAdmission = row.heldAtAdmission
                    entry.cancelledOn = facts.cancelledOn?.description ?? ""
                    requirements.append(try Self.evaluate(&entry, facts, active, asOf: asOf))
                }
            }
            if caseID.isEmpty && !Self.isMunicipal(scope) {
                for quarter in 1...pilot.quarterCount {
                    let range = pilot.range(ofQuarter: quarter)!
                    let active = try Self.activeMeeting(
                        subject: MeetingRecord.quarterSubject(Int32(quarter)), kind: .quarterlyReview, db)
                    var entry = MeetingRequirement()
                    entry.kind = .quarterlyReview
                    entry.quarter = Int32(quarter)
                    requirements.append(
                        try Self.evaluate(&entry, MeetingRules.RequirementFacts(window: .init(range)), active, asOf: asOf))
                }
            }
            if overdueOnly { requirements = requirements.filter(\.overdue) }
            requirements.sort { a, b in
                let (first, second) = (a.window?.first ?? "", b.window?.first ?? "")
                if first != second { return first < second }
                if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
                return (a.caseID, a.referralID, a.quarter) < (b.caseID, b.referralID, b.quarter)
            }
            var response = ListDueAndOverdueResponse()
            response.asOf = asOf.description
            response.requirements = requirements
            response.overdueActions = try Self.actionsPastDue(scope: scope, caseID: caseID, asOf: asOf, db)
            return response
        }
    }

    // MARK: - Helpers

    private static func isMunicipal(_ scope: MeetingAccessPolicy.Scope) -> Bool {
        if case .municipality = scope { return true }
        return false
    }

    /// NOT_FOUND unless `id` names a case or referral the principal may see.
    private static func requireVisibleChild(_ id: String, _ principal: Principal, _ db: Database) throws {
        let municipality = try CaseFactRecord.fetchOne(db, key: id)?.municipality
            ?? ReferralFactRecord.fetchOne(db, key: id)?.municipality
        guard let municipality, AccessRules.canSeeMunicipality(principal, municipality) else {
            throw MeetingError.notFound("case", id)
        }
    }

    /// Fills a requirement's window, meeting and status from its facts and its active meeting.
    private static func evaluate(
        _ entry: inout MeetingRequirement, _ facts: MeetingRules.RequirementFacts, _ active: MeetingRecord?,
        asOf: CalendarDay
    ) throws -> MeetingRequirement {
        var facts = facts
        if let active {
            let meeting = try active.meeting()
            entry.meetingID = meeting.meetingID
            switch meeting.status {
            case .scheduled:
                facts.scheduledOn = CalendarDay(dayNumber: active.startDay)
                entry.scheduledOn = meeting.scheduledOn
            case .minutesDraft, .held:
                facts.heldOn = meeting.minutes.flatMap { CalendarDay(iso: $0.heldOn) }
                entry.heldOn = meeting.minutes?.heldOn ?? ""
            default:
                break
            }
        }
        entry.window = facts.window.message
        entry.status = MeetingRules.requirementStatus(MeetingRules.status(of: facts, asOf: asOf))
        entry.overdue = MeetingRules.isOverdue(facts, asOf: asOf)
        return entry
    }

    private static func actionsPastDue(
        scope: MeetingAccessPolicy.Scope, caseID: String, asOf: CalendarDay, _ db: Database
    ) throws -> [OverdueMeetingAction] {
        var query = AgreedActionRecord
            .filter(AgreedActionRecord.Columns.dueDay < asOf.dayNumber)
            .filter(AgreedActionRecord.Columns.doneDay == nil || AgreedActionRecord.Columns.doneDay > asOf.dayNumber)
        switch scope {
        case .all: break
        case .municipality(let municipality): query = query.filter(AgreedActionRecord.Columns.municipality == municipality)
        case .quarterlyReviews:
            query = query.filter(AgreedActionRecord.Columns.meetingKind == MeetingKind.quarterlyReview.rawValue)
        }
        if !caseID.isEmpty {
            query = query.filter(AgreedActionRecord.Columns.caseID == caseID || AgreedActionRecord.Columns.referralID == caseID)
        }
        return try query.order(AgreedActionRecord.Columns.dueDay, AgreedActionRecord.Columns.meetingID,
                               AgreedActionRecord.Columns.actionID)
            .fetchAll(db).map { row in
                var entry = OverdueMeetingAction()
                entry.meetingID = row.meetingID
                entry.meetingKind = MeetingKind(rawValue: row.meetingKind)
                entry.caseID = row.caseID
                entry.municipality = row.municipality
                entry.action = try row.action()
                entry.daysPastDue = Int32(asOf.dayNumber - row.dueDay)
                return entry
            }
    }

    // MARK: - Decoration

    /// The subject a meeting's requirement is keyed by.
    static func subjectID(of meeting: Meeting) -> String {
        switch meeting.kind {
        case .prePlacement: meeting.referralID
        case .quarterlyReview: MeetingRecord.quarterSubject(meeting.quarter)
        default: meeting.caseID
        }
    }

    /// The window a meeting is judged against: its requirement's, or its pilot quarter's.
    func window(of meeting: Meeting, _ db: Database) throws -> MeetingRules.Window {
        if meeting.kind == .quarterlyReview {
            if let range = pilot.range(ofQuarter: Int(meeting.quarter)) { return .init(range) }
        } else if let requirement = try RequirementRecord.fetchOne(
            db, key: Self.requirementKey(Self.subjectID(of: meeting), meeting.kind))
        {
            return requirement.window
        }
        let day = CalendarDay(iso: meeting.scheduledOn) ?? CalendarDay(year: 2026, month: 1, day: 1)!
        return MeetingRules.Window(first: day, last: day)
    }

    func window(of record: MeetingRecord, _ db: Database) throws -> MeetingRules.Window {
        try window(of: record.meeting(), db)
    }

    /// The meeting as the API shows it: its window as known now, whether it is (or was) kept, and
    /// for a pre-placement meeting the case once the child is admitted.
    func decorated(_ meeting: Meeting, _ db: Database) throws -> Meeting {
        var meeting = meeting
        let window = try window(of: meeting, db)
        meeting.window = window.message
        let day = meeting.minutes.flatMap { CalendarDay(iso: $0.heldOn) } ?? CalendarDay(iso: meeting.scheduledOn)
        meeting.inWindow = day.map(window.contains) ?? false
        if meeting.kind == .prePlacement, meeting.caseID.isEmpty,
            let caseID = try String.fetchOne(
                db, sql: "SELECT case_id FROM referral_fact WHERE referral_id = ?", arguments: [meeting.referralID])
        {
            meeting.caseID = caseID
        }
        return meeting
    }
}
