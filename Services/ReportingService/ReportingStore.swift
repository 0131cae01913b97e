internal import Foundation
internal import GRDB
internal import Logging
internal import TiltsStore

/// The reporting service's store: the analytical SQLite database, the projector that writes it,
/// and the in-memory ``FactModel`` the reports read.
///
/// Open it once per process (``init(database:pseudonyms:instrumentID:)``). Event consumers write
/// through ``projector`` inside their own transactions; reports call ``model()``, which first
/// catches the model up with everything committed (one merge at a time; concurrent callers share
/// it) and returns a copy. Thread-safe: an actor.
actor ReportingStore {
    nonisolated let database: ServiceDatabase
    nonisolated let projector: FactProjector
    private var current = FactModel()
    private var merging: Task<FactModel, any Error>?

    /// The names of the event consumers' cursors, one per followed stream.
    static let sources = ["referral", "meeting", "assessment"]

    init(database: ServiceDatabase, pseudonyms: Pseudonymizer, instrumentID: String) throws {
        self.database = database
        self.projector = FactProjector(
            pseudonyms: pseudonyms, revisions: try RevisionCounter(database: database.writer), instrumentID: instrumentID)
    }

    /// The model with every committed fact.
    func model() async throws -> FactModel {
        if let merging { return try await merging.value }
        // Hand the arrays over uniquely owned, so the merge updates them in place instead of
        // copying a million rows for every changed one.
        let box = ModelBox(current)
        current = FactModel()
        let database = database
        let task = Task { () throws -> FactModel in
            do {
                _ = try await database.read { db in try box.model.merge(from: db) }
            } catch {
                box.model = FactModel()  // a half-merged model is discarded; the next call reloads all
                throw error
            }
            return box.model
        }
        merging = task
        defer { merging = nil }
        let model = try await task.value
        current = model
        return model
    }

    /// Keeps the model caught up until the task is cancelled, so a report finds at most the last
    /// `interval`'s changes to merge (the first call after a start loads every row: about a second per
    /// million cases).
    func keepModelCurrent(every interval: Duration, logger: Logger) async {
        var first = true
        while !Task.isCancelled {
            do {
                let started = ContinuousClock.now
                let model = try await model()
                if first {
                    first = false
                    logger.info(
                        "fact model loaded",
                        metadata: [
                            "cases": "\(model.cases.count)", "referrals": "\(model.referrals.count)",
                            "seconds": "\(ContinuousClock.now - started)",
                        ])
                }
            } catch {
                logger.warning("could not catch the fact model up; the next report will", metadata: ["error": "\(error)"])
            }
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }

    /// Moves the model into the merge task without a second reference to its arrays.
    private final class ModelBox: @unchecked Sendable {
        var model: FactModel
        init(_ model: FactModel) { self.model = model }
    }

    /// One row of `session_day_tally` summed over admission days.
    struct SessionTypeTally: Sendable, Equatable {
        var courseLength: Int
        var serviceType: String
        var children: Int
        var sessions: Int
        var minutes: Int
    }

    /// Sessions per cohort and service type for cases admitted from `first` through `last` (day numbers).
    func sessionTypes(admittedFrom first: Int, through last: Int) async throws -> [SessionTypeTally] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT course_length, service_type, sum(children), sum(sessions), sum(minutes) FROM session_day_tally
                    WHERE admission_day BETWEEN ? AND ? GROUP BY course_length, service_type ORDER BY course_length, service_type
                    """,
                arguments: [first, last]
            ).map {
                SessionTypeTally(courseLength: $0[0], serviceType: $0[1], children: $0[2], sessions: $0[3], minutes: $0[4])
            }
        }
    }

    /// The consumers' cursors and the number of fact rows.
    func ingestionStatus() async throws -> (cursors: [(String, Int64)], referrals: Int64, cases: Int64) {
        try await database.read { db in
            var cursors: [(String, Int64)] = []
            for source in Self.sources {
                let sequence = try Int64.fetchOne(
                    db, sql: "SELECT sequence FROM tilts_consumer_cursor WHERE name = ?", arguments: [source]) ?? 0
                cursors.append((source, sequence))
            }
            let referrals = try Int64.fetchOne(db, sql: "SELECT count(*) FROM referral_fact") ?? 0
            let cases = try Int64.fetchOne(db, sql: "SELECT count(*) FROM case_fact") ?? 0
            return (cursors, referrals, cases)
        }
    }
}
