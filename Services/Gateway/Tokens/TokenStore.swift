internal import Foundation
internal import GRDB
internal import Synchronization
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// Bearer tokens in the gateway's store, with a small in-memory cache in front for the call path.
///
/// Tokens are looked up by their SHA-256 hash. A hit is served from memory (keyed by the presented
/// value, so the call path hashes only on a miss; the store never holds a token); entries are re-read
/// from the store after `cacheLifetime`, so a token revoked by another process (the bootstrap CLI)
/// stops working within that time, and at once when revoked through this process's AdminService.
/// Expiry is checked on every call against the clock. Thread-safe.
final class TokenStore: Sendable {
    /// What a presented token resolves to.
    struct Resolved: Sendable {
        var record: TokenRecord
        /// The forwarded principal, protobuf-encoded once.
        var principal: Principal
        var principalBytes: [UInt8]
    }

    private struct Cached {
        var resolved: Resolved?
        var loadedAtNanos: UInt64
    }

    let database: ServiceDatabase
    let clock: GatewayClock
    let cacheLifetimeNanos: UInt64
    private let cache = Mutex<[String: Cached]>([:])
    /// Bounds the cache; unknown tokens are cached too, so a flood of bad tokens is bounded.
    static let cacheCapacity = 10_000

    init(database: ServiceDatabase, clock: GatewayClock, cacheLifetime: Duration = .seconds(5)) {
        self.database = database
        self.clock = clock
        let parts = cacheLifetime.components
        self.cacheLifetimeNanos = UInt64(max(0, parts.seconds)) * 1_000_000_000 + UInt64(max(0, parts.attoseconds) / 1_000_000_000)
    }

    /// The usable token with this value, or nil (unknown, revoked or expired).
    /// - Throws: a store error when the lookup fails.
    func resolve(token: String) async throws -> Resolved? {
        let now = clock.monotonicNanos()
        let cached = cache.withLock { $0[token] }
        let resolved: Resolved?
        if let cached, now &- cached.loadedAtNanos < cacheLifetimeNanos {
            resolved = cached.resolved
        } else {
            let hash = Data(BearerToken.hash(token))
            let record = try await database.read { db in
                try TokenRecord.filter(TokenRecord.Columns.hash == hash).fetchOne(db)
            }
            resolved = record.map(Self.resolved)
            cache.withLock { cache in
                if cache.count >= Self.cacheCapacity { cache.removeAll(keepingCapacity: true) }
                cache[token] = Cached(resolved: resolved, loadedAtNanos: now)
            }
        }
        guard let resolved, resolved.record.isUsable(atMicros: clock.wallMicros()) else { return nil }
        return resolved
    }

    private static func resolved(_ record: TokenRecord) -> Resolved {
        let principal = record.principal
        return Resolved(record: record, principal: principal, principalBytes: principal.serializedBytes())
    }

    // MARK: - Administration

    /// Mints and stores a token; returns the token (shown once) and its row.
    static func issue(
        _ request: IssueTokenRequest, ttlSeconds: Int64, createdBy: String, nowMicros: Int64
    ) throws -> (token: String, record: TokenRecord) {
        let token = try BearerToken.mint()
        let record = TokenRecord(
            tokenID: UUID().uuidString.lowercased(), hash: Data(BearerToken.hash(token)),
            institution: request.institution.rawValue, municipality: request.municipality,
            displayName: request.displayName, roles: request.roles.joined(separator: ","),
            createdAtMicros: nowMicros, expiresAtMicros: nowMicros + ttlSeconds * 1_000_000, revokedAtMicros: nil,
            createdBy: createdBy)
        return (token, record)
    }

    /// Issues a token (durable before this returns).
    func issue(_ request: IssueTokenRequest, ttlSeconds: Int64, createdBy: String) async throws -> (token: String, record: TokenRecord) {
        let issued = try Self.issue(request, ttlSeconds: ttlSeconds, createdBy: createdBy, nowMicros: clock.wallMicros())
        let record = issued.record
        try await database.write { db in try record.insert(db) }
        return issued
    }

    /// Revokes a token; nil when there is no such token. Revoking twice keeps the first time.
    func revoke(tokenID: String) async throws -> TokenRecord? {
        let now = clock.wallMicros()
        let record = try await database.write { db -> TokenRecord? in
            try Self.revoke(tokenID: tokenID, nowMicros: now, db)
        }
        if let record {
            cache.withLock { cache in
                for (token, entry) in cache where entry.resolved?.record.tokenID == record.tokenID {
                    cache.removeValue(forKey: token)
                }
            }
        }
        return record
    }

    static func revoke(tokenID: String, nowMicros: Int64, _ db: Database) throws -> TokenRecord? {
        guard var record = try TokenRecord.fetchOne(db, key: tokenID) else { return nil }
        if record.revokedAtMicros == nil {
            record.revokedAtMicros = nowMicros
            try record.update(db)
        }
        return record
    }

    /// One page of tokens, oldest first.
    func list(includeRevoked: Bool, pageSize: Int, after: PageToken?) async throws -> [TokenRecord] {
        try await database.read { db in
            try Self.list(includeRevoked: includeRevoked, pageSize: pageSize, after: after, db)
        }
    }

    static func list(includeRevoked: Bool, pageSize: Int, after: PageToken?, _ db: Database) throws -> [TokenRecord] {
        var sql = "SELECT * FROM gateway_token WHERE 1"
        var arguments: StatementArguments = []
        if !includeRevoked { sql += " AND revoked_at_micros IS NULL" }
        if let after, after.after.count == 2, let micros = Int64(after.after[0]) {
            sql += " AND (created_at_micros, token_id) > (?, ?)"
            arguments += [micros, after.after[1]]
        }
        sql += " ORDER BY created_at_micros, token_id LIMIT ?"
        arguments += [pageSize + 1]
        return try TokenRecord.fetchAll(db, sql: sql, arguments: arguments)
    }
}
