internal import Foundation
internal import GRDB
internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
@testable internal import Gateway

@Suite("Tokens: hashing, expiry, revocation, presentation")
struct TokenStoreTests {
    let time = TestClock()

    func store(cacheSeconds: Int = 5) throws -> TokenStore {
        TokenStore(
            database: try ServiceDatabase.temporary(migrator: GatewaySchema.migrator), clock: time.clock,
            cacheLifetime: .seconds(cacheSeconds))
    }

    static let sd = IssueTokenRequest(institution: .socialService, municipality: "riga", displayName: "Rīgas SD")

    @Test func onlyTheHashIsStoredAndTheTokenResolvesToItsPrincipal() async throws {
        let tokens = try store()
        let (token, record) = try await tokens.issue(Self.sd, ttlSeconds: 3600, createdBy: "test")
        #expect(token.hasPrefix("tilts_") && token.count > 40)
        let (texts, stored) = try await tokens.database.read { db -> ([String], Data) in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM gateway_token")
            let texts = rows.flatMap { row in row.columnNames.compactMap { String.fromDatabaseValue(row[$0] as DatabaseValue) } }
            return (texts, rows[0]["hash"])
        }
        #expect(!texts.contains { $0.contains(token) })
        #expect(Array(stored) == BearerToken.hash(token))
        let resolved = try #require(try await tokens.resolve(token: token))
        #expect(resolved.principal.institution == .socialService && resolved.principal.municipality == "riga")
        #expect(resolved.principal.subject == "token:\(record.tokenID)")
        #expect(try await tokens.resolve(token: token + "x") == nil)
    }

    @Test func anExpiredTokenStopsWorking() async throws {
        let tokens = try store()
        let (token, _) = try await tokens.issue(Self.sd, ttlSeconds: 60, createdBy: "test")
        #expect(try await tokens.resolve(token: token) != nil)
        time.advance(seconds: 61)
        #expect(try await tokens.resolve(token: token) == nil)
    }

    @Test func revokingHereIsImmediateAndInTheStoreWithinTheCacheLifetime() async throws {
        let tokens = try store(cacheSeconds: 5)
        let (first, firstRecord) = try await tokens.issue(Self.sd, ttlSeconds: 3600, createdBy: "test")
        #expect(try await tokens.resolve(token: first) != nil)
        _ = try await tokens.revoke(tokenID: firstRecord.tokenID)
        #expect(try await tokens.resolve(token: first) == nil)

        let (second, secondRecord) = try await tokens.issue(Self.sd, ttlSeconds: 3600, createdBy: "test")
        #expect(try await tokens.resolve(token: second) != nil)
        let now = time.clock.wallMicros()
        _ = try await tokens.database.write { db in try TokenStore.revoke(tokenID: secondRecord.tokenID, nowMicros: now, db) }
        time.advance(seconds: 6)
        #expect(try await tokens.resolve(token: second) == nil)
        #expect(try await tokens.revoke(tokenID: "no-such-token") == nil)
    }

    @Test func presentationMustBeBearerWithOurPrefix() throws {
        func metadata(_ value: String) -> Metadata {
            var metadata = Metadata()
            metadata.add("authorization", value)
            return metadata
        }
        #expect(try BearerToken.presented(in: Metadata()) == nil)
        #expect(try BearerToken.presented(in: metadata("Bearer tilts_abc")) == "tilts_abc")
        #expect(try BearerToken.presented(in: metadata("bearer  tilts_abc ")) == "tilts_abc")
        #expect(throws: RPCError.self) { try BearerToken.presented(in: metadata("Basic dXNlcjpwYXNz")) }
        #expect(throws: RPCError.self) { try BearerToken.presented(in: metadata("Bearer eyJhbGciOi")) }
    }

    @Test func issueRequestsAreChecked() throws {
        let settings = TokenSettings()
        #expect(try settings.validate(Self.sd) == settings.defaultTTLSeconds)
        #expect(throws: RPCError.self) { try settings.validate(IssueTokenRequest(institution: .socialService)) }
        #expect(throws: RPCError.self) { try settings.validate(IssueTokenRequest(institution: .operator)) }
        #expect(throws: RPCError.self) { try settings.validate(IssueTokenRequest(institution: .centre, roles: ["Not A Code"])) }
        #expect(throws: RPCError.self) {
            try settings.validate(IssueTokenRequest(institution: .centre, ttlSeconds: settings.maximumTTLSeconds + 1))
        }
    }
}
