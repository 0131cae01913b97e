internal import Foundation
internal import GRDB
internal import TiltsMessages
internal import TiltsWire

/// A row of `tilts_outbox`: one event as stored, in the same transaction as its change.
///
/// `sequence` is the SQLite rowid (AUTOINCREMENT, so never reused even after the newest row is
/// deleted). A value type; safe from any thread.
struct OutboxRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "tilts_outbox"

    var sequence: Int64?
    var eventID: String
    var occurredAtSeconds: Int64
    var occurredAtNanos: Int32
    var caseID: String
    var kind: String
    var payload: Data
    var source: String

    enum CodingKeys: String, CodingKey {
        case sequence
        case eventID = "event_id"
        case occurredAtSeconds = "occurred_at_seconds"
        case occurredAtNanos = "occurred_at_nanos"
        case caseID = "case_id"
        case kind, payload, source
    }

    enum Columns {
        static let sequence = Column(CodingKeys.sequence)
        static let eventID = Column(CodingKeys.eventID)
        static let kind = Column(CodingKeys.kind)
        static let caseID = Column(CodingKeys.caseID)
    }

    /// Inserts one event; the sequence is assigned by SQLite. Columns as in ``CodingKeys``.
    static let insertSQL = """
        INSERT INTO tilts_outbox (event_id, occurred_at_seconds, occurred_at_nanos, case_id, kind, payload, source)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    mutating func didInsert(_ inserted: InsertionSuccess) {
        sequence = inserted.rowID
    }

    /// The event as sent on `WatchEvents`.
    var event: Event {
        Event(
            sequence: sequence ?? 0, eventID: eventID,
            occurredAt: Timestamp(seconds: occurredAtSeconds, nanos: occurredAtNanos), caseID: caseID, kind: kind,
            payload: [UInt8](payload), source: source)
    }

    /// The highest sequence ever assigned (0 for a new outbox), including rows since deleted.
    static func latestSequence(_ db: Database) throws -> Int64 {
        let assigned = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'tilts_outbox'")
        let present = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM tilts_outbox")
        return max(assigned ?? 0, present ?? 0)
    }

    /// Up to `limit` events after `sequence`, oldest first, of the given kinds (all when empty).
    static func page(after sequence: Int64, kinds: [String], limit: Int, _ db: Database) throws -> [OutboxRecord] {
        var request = OutboxRecord.filter(Columns.sequence > sequence)
        if !kinds.isEmpty { request = request.filter(kinds.contains(Columns.kind)) }
        return try request.order(Columns.sequence).limit(limit).fetchAll(db)
    }
}
