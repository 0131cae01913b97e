internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
@testable internal import Gateway

@Suite("ForwardedHeaders: what reaches a service")
struct ForwardedHeadersTests {
    @Test func clientInternalHeadersAndCredentialsAreStrippedAndThePrincipalAttached() throws {
        var client = Metadata()
        let forged = Principal(institution: .centre, subject: "forged")
        client.add("tilts-principal-bin", forged.serializedBytes())
        client.add("Tilts-Request-Id", "mine")
        client.add("tilts-record-id", "x")
        client.add("authorization", "Bearer tilts_secret")
        client.add("user-agent", "grpc-python/1")
        client.add("x-client-trace", "abc")
        let real = Principal(institution: .socialService, municipality: "riga", subject: "token:1")
        let forwarded = ForwardedHeaders.request(from: client, principalBytes: real.serializedBytes(), requestID: "gw-1")
        #expect(try PrincipalMetadata.principal(in: forwarded) == real)
        #expect(forwarded.filter { $0.key == PrincipalMetadata.key }.count == 1)
        #expect(forwarded.first("tilts-request-id") == "gw-1")
        #expect(forwarded.filter { $0.key == "tilts-request-id" }.count == 1)
        #expect(forwarded.first("tilts-record-id") == nil)
        #expect(forwarded.first("authorization") == nil)
        #expect(forwarded.first("user-agent") == nil)
        #expect(forwarded.first("x-client-trace") == "abc")
    }

    @Test func recordIDsComeFromHeadersAndTrailersOnceEach() {
        var initial = Metadata()
        initial.add("tilts-record-id", "a")
        var trailers = Metadata()
        trailers.add("tilts-record-id", "a, b")
        trailers.add("other", "c")
        #expect(ForwardedHeaders.recordIDs(initial, trailers) == ["a", "b"])
        #expect(ForwardedHeaders.recordIDs(Metadata(), Metadata()).isEmpty)
    }

    @Test func deadlinesAreCappedAndDefaulted() {
        let policy = DeadlinePolicy(defaultTimeout: .seconds(30), maximumTimeout: .seconds(60))
        let now = ContinuousClock.now
        #expect(policy.upstreamDeadline(client: nil, now: now) == now.advanced(by: .seconds(30)))
        #expect(policy.upstreamDeadline(client: now.advanced(by: .seconds(5)), now: now) == now.advanced(by: .seconds(5)))
        #expect(policy.upstreamDeadline(client: now.advanced(by: .seconds(600)), now: now) == now.advanced(by: .seconds(60)))
    }
}
