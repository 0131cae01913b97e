import Testing
import TiltsRPC

@Suite struct RPCErrorTests {
    struct DomainError: RPCErrorConvertible {
        var rpcError: RPCError { RPCError(code: .failedPrecondition, message: "plan approval needs a held meeting 1") }
    }
    struct Secret: Error { let personalCode = "161175-19997" }

    @Test func convertibleErrorsKeepTheirStatus() {
        #expect(RPCError.from(DomainError()).code == .failedPrecondition)
        #expect(RPCError.from(CancellationError()).code == .cancelled)
    }

    @Test func unknownErrorsDoNotLeakTheirText() {
        let error = RPCError.from(Secret())
        #expect(error.code == .unknown)
        #expect(!error.message.contains("161175"))
    }

    @Test func statusCodeNamesRoundTrip() {
        for raw in 0...16 {
            let code = StatusCode(rawValue: raw)
            #expect(StatusCode(name: code.description) == code)
        }
        #expect(StatusCode(rawValue: 99).description == "CODE_99")
    }

    @Test func methodPathsParse() {
        #expect(MethodDescriptor(path: "/grpc.health.v1.Health/Check") == MethodDescriptor(service: "grpc.health.v1.Health", method: "Check"))
        #expect(MethodDescriptor(path: "/onlyservice") == nil)
        #expect(MethodDescriptor(path: "//Check") == nil)
        #expect(MethodDescriptor(path: "/a/b/c") == nil)
    }
}
