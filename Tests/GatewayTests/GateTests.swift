internal import Logging
internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
@testable internal import Gateway

@Suite("Gate: the order of the checks, and every refusal audited")
struct GateTests {
    let time = TestClock()

    func gate(rate: Double = 100, burst: Double = 100) throws -> (Gate, TokenStore, AuditLog) {
        let database = try ServiceDatabase.temporary(migrator: GatewaySchema.migrator)
        let tokens = TokenStore(database: database, clock: time.clock)
        let audit = AuditLog(database: database, logger: Logger(label: "test"), linger: .zero)
        let gate = Gate(
            policy: .standard,
            authenticator: Authenticator(tokens: tokens, certificates: ClientCertificatePrincipals(principals: [:]), adminUIDs: []),
            limiter: RateLimiter(ratePerSecond: rate, burst: burst), audit: audit, clock: time.clock,
            logger: Logger(label: "test"))
        return (gate, tokens, audit)
    }

    func context(_ path: String, token: String? = nil) -> ServerContext {
        var metadata = Metadata()
        if let token { metadata.add("authorization", "Bearer \(token)") }
        return ServerContext(
            descriptor: MethodDescriptor(path: path)!, metadata: metadata, deadline: nil,
            peer: PeerIdentity(endpoint: .tcp(address: "127.0.0.1:1")))
    }

    func refusal(_ admission: Gate.Admission) -> StatusCode? {
        if case .refused(_, let error) = admission { return error.code }
        return nil
    }

    @Test func strangersLearnNothingAboutWhichServicesExist() async throws {
        let (gate, tokens, _) = try gate()
        #expect(refusal(await gate.admit(context("/tilts.secret.v1.Vault/Open"))) == .unauthenticated)
        let (token, _) = try await tokens.issue(IssueTokenRequest(institution: .centre), ttlSeconds: 60, createdBy: "t")
        #expect(refusal(await gate.admit(context("/tilts.secret.v1.Vault/Open", token: token))) == .unimplemented)
        #expect(refusal(await gate.admit(context("/tilts.referral.v1.ReferralService/SubmitReferral", token: token))) == .permissionDenied)
        guard case .admitted(_, let upstream, false) = await gate.admit(context("/tilts.referral.v1.ReferralService/AdmitCase", token: token)) else {
            Issue.record("expected the centre to be admitted to AdmitCase")
            return
        }
        #expect(upstream == "referral")
        guard case .open = await gate.admit(context("/grpc.health.v1.Health/Check")) else {
            Issue.record("health is public")
            return
        }
    }

    @Test func theRateLimitComesAfterAuthorizationAndRefillsWithTime() async throws {
        let (gate, tokens, _) = try gate(rate: 1, burst: 2)
        let (token, _) = try await tokens.issue(IssueTokenRequest(institution: .centre), ttlSeconds: 600, createdBy: "t")
        let path = "/tilts.referral.v1.ReferralService/GetCase"
        for _ in 0..<2 { #expect(refusal(await gate.admit(context(path, token: token))) == nil) }
        #expect(refusal(await gate.admit(context(path, token: token))) == .resourceExhausted)
        // Refused by policy: no token spent.
        #expect(refusal(await gate.admit(context("/tilts.referral.v1.ReferralService/SubmitReferral", token: token))) == .permissionDenied)
        time.advance(seconds: 1)
        #expect(refusal(await gate.admit(context(path, token: token))) == nil)
    }

    @Test func refusedAndServedCallsAreAuditedWithTheirSubjectAndStatus() async throws {
        let (gate, tokens, audit) = try gate()
        let (token, record) = try await tokens.issue(
            IssueTokenRequest(institution: .socialService, municipality: "riga"), ttlSeconds: 600, createdBy: "t")
        for admission in [
            await gate.admit(context("/tilts.referral.v1.ReferralService/GetCase")),
            await gate.admit(context("/tilts.referral.v1.ReferralService/GetCase", token: token)),
        ] {
            switch admission {
            case .refused(let ticket, let error): gate.finish(ticket, status: error.code, recordIDs: [])
            case .admitted(let ticket, _, _): gate.finish(ticket, status: .ok, recordIDs: ["case-1"])
            case .open: Issue.record("not public")
            }
        }
        await audit.flush()
        let rows = try await AuditStore(database: audit.database).query(.init(), pageSize: 10, afterSequence: 0)
        #expect(rows.map(\.status) == [16, 0])
        #expect(rows.map(\.subject) == ["", "token:\(record.tokenID)"])
        #expect(rows[1].municipality == "riga" && rows[1].recordIDList == ["case-1"] && rows[1].institution == 1)
    }
}
