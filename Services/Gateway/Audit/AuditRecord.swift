internal import Foundation
internal import GRDB
internal import TiltsMessages
internal import TiltsWire

/// One row of `audit_entry`: a call through the gateway, hash-chained to the row before it.
///
/// Ids only: the caller's subject (`token:<id>`, `cert:<subject>`, `uid:<n>`), institution kind,
/// municipality code, the method, the record ids the service reported, the status and duration.
struct AuditRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit_entry"

    var seq: Int64
    var atMicros: Int64
    var subject: String
    var institution: Int32
    var municipality: String
    var method: String
    /// Space-separated record ids.
    var recordIDs: String
    var status: Int32
    var durationMicros: Int64
    var requestID: String
    /// SHA-256 over the previous row's hash and this row's canonical encoding.
    var hash: Data

    enum CodingKeys: String, CodingKey {
        case seq, atMicros = "at_micros", subject, institution, municipality, method, recordIDs = "record_ids", status
        case durationMicros = "duration_micros", requestID = "request_id", hash
    }

    var recordIDList: [String] { recordIDs.split(separator: " ").map(String.init) }

    var entry: AuditEntry {
        var entry = AuditEntry()
        entry.sequence = seq
        entry.time = Timestamp(micros: atMicros)
        entry.subject = subject
        entry.institution = InstitutionKind(rawValue: institution)
        entry.municipality = municipality
        entry.method = method
        entry.recordIDs = recordIDList
        entry.statusCode = status
        entry.durationMicros = durationMicros
        entry.requestID = requestID
        entry.hash = Array(hash)
        return entry
    }
}

/// What the gateway records about one call, before it has a place in the chain.
struct AuditEvent: Sendable, Equatable {
    var atMicros: Int64
    var subject: String
    var institution: Int32
    var municipality: String
    var method: String
    var recordIDs: [String]
    var status: Int32
    var durationMicros: Int64
    var requestID: String
}
