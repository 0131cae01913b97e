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

    static func find(scope: String, requestID: String, _ db: Database) throws -> IdempotencyRecord? {
        try IdempotencyRecord.fetchOne(db, key: [CodingKeys.scope.stringValue: scope, CodingKeys.requestID.stringValue: requestID])
    }
}
