internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
@testable internal import Gateway

@Suite("Authenticator: certificate, token, local operator")
struct AuthenticatorTests {
    let time = TestClock()

    func authenticator() throws -> (Authenticator, TokenStore) {
        let tokens = TokenStore(database: try ServiceDatabase.temporary(migrator: GatewaySchema.migrator), clock: time.clock)
        let certificates = ClientCertificatePrincipals(principals: [
            "CN=riga-sd": Principal(institution: .socialService, municipality: "riga", displayName: "Rīgas SD")
        ])
        return (Authenticator(tokens: tokens, certificates: certificates, adminUIDs: [1000]), tokens)
    }

    func context(_ peer: PeerIdentity, authorization: String? = nil) -> ServerContext {
        var metadata = Metadata()
        if let authorization { metadata.add("authorization", authorization) }
        return ServerContext(
            descriptor: MethodDescriptor(service: "tilts.referral.v1.ReferralService", method: "GetCase"), metadata: metadata,
            deadline: nil, peer: peer)
    }

    @Test func aListedCertificateSubjectIsItsPrincipal() async throws {
        let (auth, _) = try authenticator()
        let peer = PeerIdentity(endpoint: .tcp(address: "10.0.0.1:5000"), certificateSubject: "CN=riga-sd", certificateCommonName: "riga-sd")
        let caller = try await auth.authenticate(context(peer)).get()
        #expect(caller.principal.subject == "cert:CN=riga-sd" && caller.principal.municipality == "riga")
        let unlisted = PeerIdentity(endpoint: .tcp(address: "10.0.0.1:5000"), certificateSubject: "CN=stranger")
        await #expect(throws: RPCError.self) { try await auth.authenticate(context(unlisted)).get() }
    }

    @Test func tokensAndTheLocalOperator() async throws {
        let (auth, tokens) = try authenticator()
        let (token, record) = try await tokens.issue(TokenStoreTests.sd, ttlSeconds: 60, createdBy: "t")
        let tcp = PeerIdentity(endpoint: .tcp(address: "127.0.0.1:1"))
        #expect(try await auth.authenticate(context(tcp, authorization: "Bearer \(token)")).get().principal.subject == "token:\(record.tokenID)")
        await #expect(throws: RPCError.self) { try await auth.authenticate(context(tcp)).get() }
        let admin = PeerIdentity(endpoint: .unixSocket(path: "/run/gw.sock"), uid: 1000)
        #expect(try await auth.authenticate(context(admin)).get().principal.institution == .operator)
        let stranger = PeerIdentity(endpoint: .unixSocket(path: "/run/gw.sock"), uid: 1001)
        let refused = await auth.authenticate(context(stranger))
        if case .failure(let error) = refused { #expect(error.code == .unauthenticated) } else { Issue.record("expected a refusal") }
        // A token on the local socket speaks for the token's principal, not the operator.
        #expect(try await auth.authenticate(context(admin, authorization: "Bearer \(token)")).get().principal.institution == .socialService)
    }
}
