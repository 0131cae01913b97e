internal import Foundation
internal import GRDB
internal import TiltsMessages

/// The assessment stream's `SessionLogged` events: sessions and minutes per case (`case_fact`),
/// per case and service type (`session_tally`), and per cohort, admission day and service type
/// with the number of children (`session_day_tally`, once the case's admission is known).
///
/// A batch's sessions are summed first (``SessionSums``) and written once per case and type, in
/// the order the cases first appear. Sums commute, so this stores what one write per session
/// would; a child counts in `session_day_tally` once per type, when its `session_tally` row is
/// created. Sessions of a case not yet admitted wait in `session_tally` until `CaseAdmitted`
/// adds them to the cohort (FactProjector's `caseAdmitted`).
extension FactProjector {
    /// One batch's sessions, summed per case key and service type, in order of first appearance.
    struct SessionSums {
        struct Tally {
            var sessions = 0
            var minutes = 0
        }

        struct Case {
            var key: Data
            var total = Tally()
            var types: [(type: String, tally: Tally)] = []
        }

        private(set) var cases: [Case] = []
        private var index: [String: Int] = [:]

        /// Adds one session; `key` turns the case id into its pseudonymous key (called once per case).
        mutating func add(_ event: SessionLogged, key: (String) -> Data) {
            let minutes = max(0, Int(event.minutes))
            let type = FactProjector.code(event.serviceType) ?? "other"
            let position: Int
            if let known = index[event.caseID] {
                position = known
            } else {
                position = cases.count
                index[event.caseID] = position
                cases.append(Case(key: key(event.caseID)))
            }
            cases[position].total.sessions += 1
            cases[position].total.minutes += minutes
            if let typed = cases[position].types.firstIndex(where: { $0.type == type }) {
                cases[position].types[typed].tally.sessions += 1
                cases[position].types[typed].tally.minutes += minutes
            } else {
                cases[position].types.append((type, Tally(sessions: 1, minutes: minutes)))
            }
        }
    }

    func write(_ sums: SessionSums, _ db: Database) throws {
        guard !sums.cases.isEmpty else { return }
        let caseUpsert = try db.cachedStatement(
            sql: """
                INSERT INTO case_fact (case_key, rev, sessions, session_minutes) VALUES (?, ?, ?, ?)
                ON CONFLICT (case_key) DO UPDATE SET rev = excluded.rev, sessions = sessions + excluded.sessions,
                    session_minutes = session_minutes + excluded.session_minutes
                RETURNING id, course_length, admission_day
                """)
        let typeUpsert = try db.cachedStatement(
            sql: """
                INSERT INTO session_tally (case_id, service_type, sessions, minutes) VALUES (?, ?, ?, ?)
                ON CONFLICT (case_id, service_type) DO UPDATE SET sessions = sessions + excluded.sessions,
                    minutes = minutes + excluded.minutes
                RETURNING sessions
                """)
        let dayUpsert = try db.cachedStatement(
            sql: """
                INSERT INTO session_day_tally (course_length, admission_day, service_type, children, sessions, minutes)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (course_length, admission_day, service_type) DO UPDATE SET
                    children = children + excluded.children, sessions = sessions + excluded.sessions,
                    minutes = minutes + excluded.minutes
                """)
        for sum in sums.cases {
            let row = try Row.fetchOne(
                caseUpsert, arguments: [sum.key, revisions.next(), sum.total.sessions, sum.total.minutes])!
            let caseID: Int64 = row[0]
            let cohort = (row[1] as Int64?).flatMap { length in (row[2] as Int64?).map { (length, $0) } }
            for (type, tally) in sum.types {
                let sessions = try Int64.fetchOne(typeUpsert, arguments: [caseID, type, tally.sessions, tally.minutes])
                guard let (length, admission) = cohort else { continue }
                // The row is new exactly when it holds only this batch's sessions.
                let newChild = sessions == Int64(tally.sessions)
                try dayUpsert.execute(arguments: [length, admission, type, newChild ? 1 : 0, tally.sessions, tally.minutes])
            }
        }
    }
}
