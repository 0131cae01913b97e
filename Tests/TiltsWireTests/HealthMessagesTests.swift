internal import Testing
internal import TiltsMessages
internal import TiltsWire

@Suite("grpc.health.v1 messages")
struct HealthMessagesTests {
    @Test("HealthCheckRequest encodes as the proto says")
    func request() throws {
        let request = HealthCheckRequest(service: "foo")
        #expect(request.serializedBytes() == [0x0A, 0x03, 0x66, 0x6F, 0x6F])
        #expect(try HealthCheckRequest(serializedBytes: [0x0A, 0x03, 0x66, 0x6F, 0x6F]) == request)
        #expect(request.jsonString() == #"{"service":"foo"}"#)
        #expect(HealthCheckRequest().serializedBytes().isEmpty)
    }

    @Test("HealthCheckResponse statuses", arguments: [
        (HealthCheckResponse.ServingStatus.unknown, [], "{}"),
        (.serving, [0x08, 0x01], #"{"status":"SERVING"}"#),
        (.notServing, [0x08, 0x02], #"{"status":"NOT_SERVING"}"#),
        (.serviceUnknown, [0x08, 0x03], #"{"status":"SERVICE_UNKNOWN"}"#),
    ] as [(HealthCheckResponse.ServingStatus, [UInt8], String)])
    func response(status: HealthCheckResponse.ServingStatus, bytes: [UInt8], json: String) throws {
        let response = HealthCheckResponse(status: status)
        #expect(response.serializedBytes() == bytes)
        #expect(try HealthCheckResponse(serializedBytes: bytes) == response)
        #expect(response.jsonString() == json)
        #expect(try HealthCheckResponse(jsonString: json) == response)
    }

    @Test("The registry lists the health types")
    func registry() {
        #expect(TiltsMessageRegistry.all.map { $0.protoMessageName }.contains("grpc.health.v1.HealthCheckResponse"))
    }
}
