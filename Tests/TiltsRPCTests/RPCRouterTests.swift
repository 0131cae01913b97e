internal import Testing
internal import TiltsRPC

@Suite struct RPCRouterTests {
    struct Echo: RPCService {
        var methods: [ServerMethod] {
            [ServerMethod(descriptor: MethodDescriptor(service: "test.Echo", method: "Say"), kind: .unary) { _ in }]
        }
    }

    static let proxy = ServerMethod(
        descriptor: MethodDescriptor(service: "fallback", method: "Any"), kind: .bidirectionalStreaming
    ) { _ in }

    @Test func registeredPathsWinOverTheFallback() {
        let router = RPCRouter(services: [Echo()], fallback: Self.proxy)
        #expect(router.method(forPath: "/test.Echo/Say")?.kind == .unary)
    }

    @Test func theFallbackServesOtherWellFormedPathsWithTheirOwnDescriptor() throws {
        let router = RPCRouter(services: [Echo()], fallback: Self.proxy)
        let method = try #require(router.method(forPath: "/tilts.referral.v1.ReferralService/GetReferral"))
        #expect(method.kind == .bidirectionalStreaming)
        #expect(method.descriptor == MethodDescriptor(service: "tilts.referral.v1.ReferralService", method: "GetReferral"))
        #expect(router.method(forPath: "not-a-path") == nil)
        #expect(router.method(forPath: "/only-service") == nil)
        #expect(router.paths == ["/test.Echo/Say"])
    }

    @Test func withoutAFallbackUnknownPathsAreUnrouted() {
        let router = RPCRouter(services: [Echo()])
        #expect(router.method(forPath: "/tilts.referral.v1.ReferralService/GetReferral") == nil)
    }
}
