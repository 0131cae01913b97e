internal import Foundation
internal import GRDB
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
    /// - Returns: how many rows were read.
    @discardableResult
    mutating func merge(from db: Database) throws -> Int {
        let since = revision
        var newest = since
        var read = 0
        let caseColumns = FactModel.caseColumns.joined(separator: ", ")
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(caseColumns) FROM case_fact WHERE rev > ?", arguments: [since])
        while let row = try cursor.next() {
            let id = Int(row[0] as Int64)
            newest = max(newest, row[1] as Int64)
            if id > cases.count { cases.append(contentsOf: repeatElement(CaseFacts(), count: id - cases.count)) }
            cases[id - 1] = decodeCase(row)
            read += 1
        }
        let referralCursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, rev, municipality, received_day, urgent, requested_length, closed_day, closed_status,
                    admission_day, course_length, pre_placement_held_day
                FROM referral_fact WHERE rev > ?
                """,
            arguments: [since])
        while let row = try referralCursor.next() {
            let id = Int(row[0] as Int64)
            newest = max(newest, row[1] as Int64)
            if id > referrals.count {
                referrals.append(contentsOf: repeatElement(ReferralFacts(), count: id - referrals.count))
            }
            var facts = ReferralFacts()
            facts.municipality = municipality(row[2] as String?)
            facts.received = Self.day(row[3])
            facts.urgent = (row[4] as Int64? ?? 0) != 0
            facts.requested = Int8(truncatingIfNeeded: row[5] as Int64? ?? 0)
            facts.closed = Self.day(row[6])
            facts.closedStatus = Int8(truncatingIfNeeded: row[7] as Int64? ?? 0)
            facts.admitted = Self.day(row[8])
            facts.courseLength = Int16(truncatingIfNeeded: row[9] as Int64? ?? 0)
            facts.prePlacementHeld = Self.day(row[10])
            referrals[id - 1] = facts
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

    private mutating func decodeCase(_ row: Row) -> CaseFacts {
        var facts = CaseFacts()
        facts.municipality = municipality(row[2] as String?)
        facts.courseLength = Int16(truncatingIfNeeded: row[3] as Int64? ?? 0)
        facts.admission = Self.day(row[4])
        facts.allocation = Int8(truncatingIfNeeded: row[5] as Int64? ?? 0)
        facts.withoutPrePlacementMeeting = (row[6] as Int64? ?? 0) != 0
        facts.referralReceived = Self.day(row[7])
        facts.sex = Int8(truncatingIfNeeded: row[8] as Int64? ?? 0)
        if let band = row[9] as String?, let index = AgeBand.allCases.firstIndex(where: { $0.rawValue == band }) {
            facts.ageBand = Int8(index)
        }
        facts.violence = UInt8(truncatingIfNeeded: row[10] as Int64? ?? 0)
        facts.urgent = (row[11] as Int64? ?? 0) != 0
        facts.status = Int8(truncatingIfNeeded: row[12] as Int64? ?? 0)
        facts.ended = Self.day(row[13])
        facts.terminationReason = Int8(truncatingIfNeeded: row[14] as Int64? ?? 0)
        facts.meeting1 = Self.day(row[15])
        facts.meeting2 = Self.day(row[16])
        facts.meeting3 = Self.day(row[17])
        facts.planApproved = Self.day(row[18])
        facts.baselineOn = Self.day(row[19])
        facts.midOn = Self.day(row[20])
        facts.finalOn = Self.day(row[21])
        facts.sessions = Int32(truncatingIfNeeded: row[22] as Int64? ?? 0)
        facts.sessionMinutes = Int32(truncatingIfNeeded: row[23] as Int64? ?? 0)
        facts.summaryOn = Self.day(row[24])
        facts.destination = Int8(truncatingIfNeeded: row[25] as Int64? ?? 0)
        for area in 0..<6 {
            facts.baseline[area] = Self.score(row[26 + area])
            facts.mid[area] = Self.score(row[32 + area])
            facts.final[area] = Self.score(row[38 + area])
        }
        return facts
    }

    private static func day(_ value: Int64?) -> Int32 {
        value.map { Int32(truncatingIfNeeded: $0) } ?? CaseFacts.noDay
    }

    private static func score(_ value: Int64?) -> Int16 {
        guard let value, value > Int64(Int16.min), value <= Int64(Int16.max) else { return CaseFacts.noScore }
        return Int16(value)
    }
}
