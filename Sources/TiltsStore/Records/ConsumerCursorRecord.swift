internal import GRDB

/// A row of `tilts_consumer_cursor`: the last sequence an ``EventConsumer`` applied from one
/// source, updated in the same transaction as what it applied. A value type.
struct ConsumerCursorRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tilts_consumer_cursor"

    /// The consumer's name, e.g. `"referral"`.
    var name: String
    var sequence: Int64

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let sequence = Column(CodingKeys.sequence)
    }

    /// The stored cursor of `name`, 0 when it has applied nothing yet.
    static func sequence(of name: String, _ db: Database) throws -> Int64 {
        try ConsumerCursorRecord.fetchOne(db, key: name)?.sequence ?? 0
    }

    /// Stores `sequence` as the cursor of `name`.
    static func store(_ sequence: Int64, for name: String, _ db: Database) throws {
        try ConsumerCursorRecord(name: name, sequence: sequence).upsert(db)
    }
}
