internal import Foundation
internal import GRDB
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// Reads the audit log: queries for the data protection officer, and verification of the chain.
///
/// Reads run on the store's reader connections and never wait for the audit writer. Thread-safe.
struct AuditStore: Sendable {
    let database: ServiceDatabase

    /// Filters of ``query(_:pageSize:after:)``; every given one must match.
    struct Filter: Sendable, Hashable {
        var recordIDs: [String] = []
        var subject: String = ""
        var fromMicros: Int64?
        var toMicros: Int64?

        /// The page-token scope of this query.
        var scope: String {
            "QueryAudit|\(recordIDs.sorted().joined(separator: ","))|\(subject)|\(fromMicros.map(String.init) ?? "")|\(toMicros.map(String.init) ?? "")"
        }
    }

    /// Up to `pageSize + 1` entries after sequence `after`, oldest first.
    func query(_ filter: Filter, pageSize: Int, afterSequence after: Int64) async throws -> [AuditRecord] {
        try await database.read { db in try Self.query(filter, pageSize: pageSize, afterSequence: after, db) }
    }

    static func query(_ filter: Filter, pageSize: Int, afterSequence after: Int64, _ db: Database) throws -> [AuditRecord] {
        var sql = "SELECT * FROM audit_entry WHERE seq > ?"
        var arguments: StatementArguments = [after]
        if !filter.recordIDs.isEmpty {
            let marks = Array(repeating: "?", count: filter.recordIDs.count).joined(separator: ",")
            sql += " AND seq IN (SELECT seq FROM audit_record_ref WHERE record_id IN (\(marks)))"
            for id in filter.recordIDs { arguments += [id] }
        }
        if !filter.subject.isEmpty {
            sql += " AND subject = ?"
            arguments += [filter.subject]
        }
        if let from = filter.fromMicros {
            sql += " AND at_micros >= ?"
            arguments += [from]
        }
        if let to = filter.toMicros {
            sql += " AND at_micros < ?"
            arguments += [to]
        }
        sql += " ORDER BY seq LIMIT ?"
        arguments += [pageSize + 1]
        return try AuditRecord.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// Recomputes the chain from the first entry, checks the record index against each entry,
    /// and, when `head` is given (the last entry this process wrote), that the log still reaches it.
    func verify(head: (seq: Int64, hash: [UInt8])?) async throws -> VerifyAuditChainResponse {
        try await database.read { db in try Self.verify(head: head, db) }
    }

    static func verify(head: (seq: Int64, hash: [UInt8])?, _ db: Database) throws -> VerifyAuditChainResponse {
        var verifier = AuditChain.Verifier()
        var response = VerifyAuditChainResponse()
        let entries = try AuditRecord.fetchCursor(db, sql: "SELECT * FROM audit_entry ORDER BY seq")
        let refs = try Row.fetchCursor(db, sql: "SELECT seq, record_id FROM audit_record_ref ORDER BY seq, record_id")
        var pendingRef: (seq: Int64, id: String)? = try refs.next().map { ($0["seq"], $0["record_id"]) }
        func fail(_ seq: Int64, _ problem: String) -> VerifyAuditChainResponse {
            response.intact = false
            response.firstBrokenSequence = seq
            response.problem = problem
            response.entriesChecked = verifier.checked
            return response
        }
        while let record = try entries.next() {
            if let broken = verifier.check(record) { return fail(broken.seq, broken.problem) }
            // The index rows of this entry must be exactly its record ids.
            var indexed: Set<String> = []
            while let ref = pendingRef, ref.seq <= record.seq {
                if ref.seq < record.seq {
                    return fail(ref.seq, "the record index names entry \(ref.seq), which is not in the log")
                }
                indexed.insert(ref.id)
                pendingRef = try refs.next().map { ($0["seq"], $0["record_id"]) }
            }
            if indexed != Set(record.recordIDList) {
                return fail(record.seq, "the record index of entry \(record.seq) differs from its record ids")
            }
        }
        if let ref = pendingRef {
            return fail(ref.seq, "the record index names entry \(ref.seq), which is not in the log")
        }
        let last = verifier.previous
        if let head, head.seq > last.seq {
            return fail(last.seq + 1, "entries \(last.seq + 1)…\(head.seq), written by this gateway, are missing")
        }
        if let head, head.seq > 0, head.seq <= last.seq {
            let stored = try Data.fetchOne(db, sql: "SELECT hash FROM audit_entry WHERE seq = ?", arguments: [head.seq])
            if stored.map(Array.init) != head.hash {
                return fail(head.seq, "entry \(head.seq) is not the one this gateway wrote")
            }
        }
        response.intact = true
        response.entriesChecked = verifier.checked
        response.lastSequence = last.seq
        response.headHash = last.seq == 0 ? [] : last.hash
        return response
    }
}
