internal import Foundation
internal import GRDB

/// A row of `tilts_idempotency`: the first response given for one `(scope, request_id)`,
/// protobuf-encoded, and when it was stored (Unix seconds). A value type.
struct IdempotencyRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tilts_idempotency"

    var scope: String
    var requestID: String
    var response: Data
    var createdAt: Int64

    enum CodingKeys: String, CodingKey {
        case scope
        case requestID = "request_id"
        case response
        case createdAt = "created_at"
    }

    enum Columns {
        static let scope = Column(CodingKeys.scope)
        static let requestID = Column(CodingKeys.requestID)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    /// The stored response for a key. A cached statement: this runs on every write.
    static func storedResponse(scope: String, requestID: String, _ db: Database) throws -> Data? {
        let statement = try db.cachedStatement(
            sql: "SELECT response FROM tilts_idempotency WHERE scope = ? AND request_id = ?")
        return try Data.fetchOne(statement, arguments: [scope, requestID])
    }

    /// Stores a response under its key (cached statement).
    static func store(scope: String, requestID: String, response: Data, createdAt: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO tilts_idempotency(scope, request_id, response, created_at) VALUES (?, ?, ?, ?)")
        try statement.execute(arguments: [scope, requestID, response, createdAt])
    }
}
