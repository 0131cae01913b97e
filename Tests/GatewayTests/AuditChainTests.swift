internal import Foundation
internal import GRDB
internal import Testing
internal import TiltsMessages
internal import TiltsStore
@testable internal import Gateway

@Suite("Audit log: hash chain, verify and detect")
struct AuditChainTests {
    static func event(_ n: Int, ids: [String] = []) -> AuditEvent {
        AuditEvent(
            atMicros: 1_780_000_000_000_000 + Int64(n), subject: "token:t\(n % 3)", institution: 1, municipality: "riga",
            method: "/tilts.referral.v1.ReferralService/GetCase", recordIDs: ids, status: 0, durationMicros: 120,
            requestID: "r-\(n)")
    }

    static func database(events: Int) async throws -> ServiceDatabase {
        let database = try ServiceDatabase.temporary(migrator: GatewaySchema.migrator)
        let batch = (1...events).map { event($0, ids: $0 % 2 == 0 ? ["case-\($0)", "ref-\($0)"] : []) }
        _ = try await database.write { db in try AuditLog.append(batch, db) }
        return database
    }

    @Test func anIntactChainVerifies() async throws {
        let database = try await Self.database(events: 20)
        let result = try await AuditStore(database: database).verify(head: nil)
        #expect(result.intact && result.entriesChecked == 20 && result.lastSequence == 20 && result.headHash.count == 32)
    }

    @Test func theCanonicalEncodingCoversEveryColumn() {
        let a = AuditChain.link(Self.event(1, ids: ["x"]), after: (0, AuditChain.genesis))
        var variants: [AuditEvent] = []
        for change in 0..<8 {
            var e = Self.event(1, ids: ["x"])
            switch change {
            case 0: e.subject = "token:other"
            case 1: e.institution = 3
            case 2: e.municipality = "cesis"
            case 3: e.method = "/x/y"
            case 4: e.recordIDs = ["y"]
            case 5: e.status = 7
            case 6: e.durationMicros = 1
            default: e.requestID = "other"
            }
            variants.append(e)
        }
        for variant in variants {
            #expect(AuditChain.link(variant, after: (0, AuditChain.genesis)).hash != a.hash)
        }
        #expect(AuditChain.link(Self.event(1, ids: ["x"]), after: (1, AuditChain.genesis)).hash != a.hash, "the sequence is covered")
    }

    /// Simulates someone with the database file: drops the append-only triggers, then edits.
    static func tamper(_ database: ServiceDatabase, _ sql: String) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete")
            try db.execute(sql: sql)
        }
    }

    @Test func theTriggersRefuseEditsFromSQL() async throws {
        let database = try await Self.database(events: 3)
        await #expect(throws: (any Error).self) {
            try await database.writer.write { db in try db.execute(sql: "UPDATE audit_entry SET status = 0 WHERE seq = 2") }
        }
        await #expect(throws: (any Error).self) {
            try await database.writer.write { db in try db.execute(sql: "DELETE FROM audit_entry WHERE seq = 2") }
        }
    }

    @Test func anEditedEntryIsTheFirstBrokenOne() async throws {
        let database = try await Self.database(events: 10)
        try await Self.tamper(database, "UPDATE audit_entry SET subject = 'token:someone-else' WHERE seq = 6")
        let result = try await AuditStore(database: database).verify(head: nil)
        #expect(!result.intact && result.firstBrokenSequence == 6 && result.entriesChecked == 5)
    }

    @Test func anEditWithARecomputedHashBreaksTheNextEntry() async throws {
        let database = try await Self.database(events: 10)
        let rows = try await database.read { db in try AuditRecord.fetchAll(db, sql: "SELECT * FROM audit_entry ORDER BY seq") }
        var forged = rows[3]
        forged.status = 0
        forged.durationMicros = 1
        let hash = Data(AuditChain.hash(previous: Array(rows[2].hash), canonical: AuditChain.canonical(forged)))
        try await database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update")
            try db.execute(sql: "UPDATE audit_entry SET status = 0, duration_micros = 1, hash = ? WHERE seq = 4", arguments: [hash])
        }
        let result = try await AuditStore(database: database).verify(head: nil)
        #expect(!result.intact && result.firstBrokenSequence == 5)
    }

    @Test func aDeletedEntryIsReportedAsMissing() async throws {
        let database = try await Self.database(events: 10)
        try await Self.tamper(database, "DELETE FROM audit_entry WHERE seq = 3")
        let result = try await AuditStore(database: database).verify(head: nil)
        #expect(!result.intact && result.firstBrokenSequence == 3 && result.problem.contains("missing"))
    }

    @Test func aTruncatedTailIsCaughtAgainstTheHeadThisProcessWrote() async throws {
        let database = try await Self.database(events: 11)
        let head = try await database.read { db in try AuditLog.lastRow(db) }!
        try await Self.tamper(database, "DELETE FROM audit_entry WHERE seq > 10")  // entry 11 names no record
        #expect(try await AuditStore(database: database).verify(head: nil).intact, "the chain alone cannot see a cut tail")
        let result = try await AuditStore(database: database).verify(head: head)
        #expect(!result.intact && result.firstBrokenSequence == 11)
    }

    @Test func aRemovedRecordIndexRowIsDetected() async throws {
        let database = try await Self.database(events: 10)
        try await database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_record_ref_no_delete")
            try db.execute(sql: "DELETE FROM audit_record_ref WHERE record_id = 'case-4'")
        }
        let result = try await AuditStore(database: database).verify(head: nil)
        #expect(!result.intact && result.firstBrokenSequence == 4)
    }

    @Test func queriesByRecordSubjectAndPeriodArePagedOldestFirst() async throws {
        let database = try await Self.database(events: 30)
        let store = AuditStore(database: database)
        let byRecords = try await store.query(.init(recordIDs: ["case-4", "ref-10"]), pageSize: 10, afterSequence: 0)
        #expect(byRecords.map(\.seq) == [4, 10])
        let bySubject = try await store.query(.init(subject: "token:t1"), pageSize: 3, afterSequence: 0)
        #expect(bySubject.map(\.seq) == [1, 4, 7, 10])
        let next = try await store.query(.init(subject: "token:t1"), pageSize: 3, afterSequence: 7)
        #expect(next.first?.seq == 10)
        let period = try await store.query(
            .init(fromMicros: 1_780_000_000_000_005, toMicros: 1_780_000_000_000_008), pageSize: 10, afterSequence: 0)
        #expect(period.map(\.seq) == [5, 6, 7])
    }

    @Test func theWriterChainsBatchesAndFlushes() async throws {
        let database = try ServiceDatabase.temporary(migrator: GatewaySchema.migrator)
        let log = AuditLog(database: database, logger: .init(label: "test"))
        for n in 1...50 { log.record(Self.event(n)) }
        await log.flush()
        #expect(log.head?.seq == 50)
        for n in 51...60 { log.record(Self.event(n)) }
        await log.flush()
        let result = try await AuditStore(database: database).verify(head: log.head)
        #expect(result.intact && result.lastSequence == 60)
    }
}
