internal import Foundation
internal import GRDB
internal import GRDBSQLite
internal import TiltsDomain

/// The analytical store's facts in memory, as flat arrays the reports scan.
///
/// SQLite is the record of truth; this is its projection, caught up by reading the rows whose `rev`
/// is above ``revision`` (``merge(from:)``): the first call loads everything, later ones only what
/// changed. Rows are never deleted and their ids are dense, so a row's array index is `id − 1`.
/// Reports take a copy (arrays are copy-on-write, so a copy is cheap until the next merge).
///
/// A value type; ``ReportingStore`` owns the current one and serialises merges.
struct FactModel: Sendable {
    var cases: [CaseFacts] = []
    var referrals: [ReferralFacts] = []
    /// The actions agreed at the children's meetings (`agreed_action_fact`).
    var actions: [AgreedActionFacts] = []
    /// Municipality codes by index.
    var municipalities: [String] = []
    private var municipalityIndex: [String: Int32] = [:]
    /// The largest row revision loaded.
    private(set) var revision: Int64 = 0

    init() {}

    /// The index of a municipality code, adding it when new.
    mutating func municipality(_ code: String?) -> Int32 {
        guard let code else { return -1 }
        if let index = municipalityIndex[code] { return index }
        let index = Int32(municipalities.count)
        municipalities.append(code)
        municipalityIndex[code] = index
        return index
    }

    func municipalityIndex(of code: String) -> Int32? { municipalityIndex[code] }

    /// Loads the rows changed since ``revision``.
    ///
    /// Columns are read straight from SQLite (`sqlite3_column_*` on the statement GRDB's cursor
    /// steps), which loads a million rows about three times faster than GRDB's `Row` accessors.
    /// - Returns: how many rows were read.
    @discardableResult
    mutating func merge(from db: Database) throws -> Int {
        let since = revision
        var newest = since
        var read = 0
        // The first load scans the table in row order; later ones use the `rev` index.
        let filter = since == 0 ? "" : " WHERE rev > \(since)"
        let caseStatement = try db.makeStatement(
            sql: "SELECT \(FactModel.caseColumns.joined(separator: ", ")) FROM case_fact" + filter)
        let cases = try Row.fetchCursor(caseStatement)
        let c = caseStatement.sqliteStatement
        while try cases.next() != nil {
            let id = Int(sqlite3_column_int64(c, 0))
            newest = max(newest, sqlite3_column_int64(c, 1))
            if id > self.cases.count { self.cases.append(contentsOf: repeatElement(CaseFacts(), count: id - self.cases.count)) }
            self.cases[id - 1] = decodeCase(c)
            read += 1
        }
        let referralStatement = try db.makeStatement(
            sql: """
                SELECT id, rev, municipality, received_day, urgent, requested_length, closed_day, closed_status,
                    admission_day, course_length, pre_placement_held_day
                FROM referral_fact
                """ + filter)
        let referralRows = try Row.fetchCursor(referralStatement)
        let r = referralStatement.sqliteStatement
        while try referralRows.next() != nil {
            let id = Int(sqlite3_column_int64(r, 0))
            newest = max(newest, sqlite3_column_int64(r, 1))
            if id > referrals.count {
                referrals.append(contentsOf: repeatElement(ReferralFacts(), count: id - referrals.count))
            }
            var facts = ReferralFacts()
            facts.municipality = municipality(Self.text(r, 2))
            facts.received = Self.day(r, 3)
            facts.urgent = sqlite3_column_int64(r, 4) != 0
            facts.requested = Int8(truncatingIfNeeded: sqlite3_column_int64(r, 5))
            facts.closed = Self.day(r, 6)
            facts.closedStatus = Int8(truncatingIfNeeded: sqlite3_column_int64(r, 7))
            facts.admitted = Self.day(r, 8)
            facts.courseLength = Int16(truncatingIfNeeded: sqlite3_column_int64(r, 9))
            facts.prePlacementHeld = Self.day(r, 10)
            referrals[id - 1] = facts
            read += 1
        }
        let actionStatement = try db.makeStatement(
            sql: "SELECT id, rev, municipality, meeting_kind, held_day, due_day, done_day FROM agreed_action_fact" + filter)
        let actionRows = try Row.fetchCursor(actionStatement)
        let a = actionStatement.sqliteStatement
        while try actionRows.next() != nil {
            let id = Int(sqlite3_column_int64(a, 0))
            newest = max(newest, sqlite3_column_int64(a, 1))
            if id > actions.count { actions.append(contentsOf: repeatElement(AgreedActionFacts(), count: id - actions.count)) }
            var facts = AgreedActionFacts()
            facts.municipality = municipality(Self.text(a, 2))
            facts.meetingKind = Int8(truncatingIfNeeded: sqlite3_column_int64(a, 3))
            facts.held = Self.day(a, 4)
            facts.due = Self.day(a, 5)
            facts.done = Self.day(a, 6)
            actions[id - 1] = facts
            read += 1
        }
        revision = newest
        return read
    }

    static let caseColumns: [String] = {
        var columns = [
            "id", "rev", "municipality", "course_length", "admission_day", "allocation_method",
            "without_pre_placement_meeting", "referral_received_day", "sex", "age_band", "violence_types", "urgent",
            "status", "ended_day", "termination_reason", "meeting1_day", "meeting2_day", "meeting3_day",
            "plan_approved_day", "baseline_day", "mid_day", "final_day", "sessions", "session_minutes", "summary_day",
            "destination",
        ]
        for point in ReportingSchema.timePointColumns {
            columns += ReportingSchema.areaColumns.map { "\(point)_\($0)" }
        }
        return columns
    }()

    /// One `case_fact` row, in ``caseColumns`` order, from the statement's current row.
    private mutating func decodeCase(_ c: SQLiteStatement) -> CaseFacts {
        func small(_ column: Int32) -> Int64 { sqlite3_column_int64(c, column) }  // NULL reads as 0
        var facts = CaseFacts()
        facts.municipality = municipality(Self.text(c, 2))
        facts.courseLength = Int16(truncatingIfNeeded: small(3))
        facts.admission = Self.day(c, 4)
        facts.allocation = Int8(truncatingIfNeeded: small(5))
        facts.withoutPrePlacementMeeting = small(6) != 0
        facts.referralReceived = Self.day(c, 7)
        facts.sex = Int8(truncatingIfNeeded: small(8))
        if let band = Self.text(c, 9), let index = AgeBand.allCases.firstIndex(where: { $0.rawValue == band }) {
            facts.ageBand = Int8(index)
        }
        facts.violence = UInt8(truncatingIfNeeded: small(10))
        facts.urgent = small(11) != 0
        facts.status = Int8(truncatingIfNeeded: small(12))
        facts.ended = Self.day(c, 13)
        facts.terminationReason = Int8(truncatingIfNeeded: small(14))
        facts.meeting1 = Self.day(c, 15)
        facts.meeting2 = Self.day(c, 16)
        facts.meeting3 = Self.day(c, 17)
        facts.planApproved = Self.day(c, 18)
        facts.baselineOn = Self.day(c, 19)
        facts.midOn = Self.day(c, 20)
        facts.finalOn = Self.day(c, 21)
        facts.sessions = Int32(truncatingIfNeeded: small(22))
        facts.sessionMinutes = Int32(truncatingIfNeeded: small(23))
        facts.summaryOn = Self.day(c, 24)
        facts.destination = Int8(truncatingIfNeeded: small(25))
        for area in 0..<6 {
            facts.baseline[area] = Self.score(c, Int32(26 + area))
            facts.mid[area] = Self.score(c, Int32(32 + area))
            facts.final[area] = Self.score(c, Int32(38 + area))
        }
        return facts
    }

    private static func isNull(_ c: SQLiteStatement, _ column: Int32) -> Bool {
        sqlite3_column_type(c, column) == SQLITE_NULL
    }

    private static func day(_ c: SQLiteStatement, _ column: Int32) -> Int32 {
        isNull(c, column) ? CaseFacts.noDay : Int32(truncatingIfNeeded: sqlite3_column_int64(c, column))
    }

    private static func score(_ c: SQLiteStatement, _ column: Int32) -> Int16 {
        guard !isNull(c, column) else { return CaseFacts.noScore }
        let value = sqlite3_column_int64(c, column)
        guard value > Int64(Int16.min), value <= Int64(Int16.max) else { return CaseFacts.noScore }
        return Int16(value)
    }

    private static func text(_ c: SQLiteStatement, _ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(c, column) else { return nil }
        return String(cString: bytes)
    }
}
