internal import Testing
internal import TiltsMessages
internal import TiltsWire

/// Fields and enum values from a newer schema survive a decode/encode round trip.
@Suite("Unknown fields and enum values")
struct UnknownFieldsTests {
    /// Nested { id: 5, label: "x" } plus fields 100 (varint), 101 (bytes), 102 (fixed32), 103 (fixed64).
    static let newer: [UInt8] =
        [0x08, 0x05]
        + [0xA0, 0x06, 0x96, 0x01]
        + [0xAA, 0x06, 0x03, 0x61, 0x62, 0x63]
        + [0x12, 0x01, 0x78]
        + [0xB5, 0x06, 1, 2, 3, 4]
        + [0xB9, 0x06, 1, 2, 3, 4, 5, 6, 7, 8]

    @Test("Unknown fields are kept in arrival order and re-emitted after the known fields")
    func roundTrip() throws {
        let message = try Nested(serializedBytes: Self.newer)
        #expect(message.id == 5 && message.label == "x")
        let unknown: [UInt8] =
            [0xA0, 0x06, 0x96, 0x01, 0xAA, 0x06, 0x03, 0x61, 0x62, 0x63, 0xB5, 0x06, 1, 2, 3, 4]
            + [0xB9, 0x06, 1, 2, 3, 4, 5, 6, 7, 8]
        #expect(message.unknownFields.data == unknown)
        #expect(message.serializedBytes() == [0x08, 0x05, 0x12, 0x01, 0x78] + unknown)
        #expect(try Nested(serializedBytes: message.serializedBytes()) == message)
    }

    @Test("Unknown fields inside nested and repeated messages survive")
    func nested() throws {
        var outer = Everything()
        outer.fNested = try Nested(serializedBytes: Self.newer)
        outer.rNested = [try Nested(serializedBytes: Self.newer)]
        let back = try Everything(serializedBytes: outer.serializedBytes())
        #expect(back == outer)
        #expect(back.fNested?.unknownFields.isEmpty == false)
    }

    @Test("A health request from a newer schema keeps its extra fields")
    func healthRequest() throws {
        var request = HealthCheckRequest(service: "tilts.referral.v1.ReferralService")
        request.unknownFields.appendVarint(fieldNumber: 2, value: 1)
        request.unknownFields.appendLengthDelimited(fieldNumber: 3, value: Array("zone-a".utf8))
        let decoded = try HealthCheckRequest(serializedBytes: request.serializedBytes())
        #expect(decoded == request)
        #expect(decoded.service == "tilts.referral.v1.ReferralService")
    }

    @Test("Unknown enum values are kept, re-encoded and printed as numbers")
    func unknownEnum() throws {
        let bytes: [UInt8] = [0x08, 0x07]
        let response = try HealthCheckResponse(serializedBytes: bytes)
        #expect(response.status.rawValue == 7)
        #expect(response.status.protoName == nil)
        #expect(response.serializedBytes() == bytes)
        #expect(response.jsonString() == #"{"status":7}"#)
        #expect(try HealthCheckResponse(jsonString: #"{"status":7}"#) == response)
        #expect(response.unknownFields.isEmpty)
    }

    @Test("Negative enum values are sign-extended like int32")
    func negativeEnum() throws {
        var message = Everything()
        message.fColor = .negative
        let bytes = message.serializedBytes()
        #expect(bytes == [0x80, 0x01] + Array(repeating: 0xFF, count: 9).enumerated().map { $0.offset == 0 ? 0xFE : $0.element } + [0x01])
        #expect(try Everything(serializedBytes: bytes).fColor == .negative)
    }

    @Test("Unknown fields are not written to JSON")
    func json() throws {
        let message = try Nested(serializedBytes: Self.newer)
        #expect(message.jsonString() == #"{"id":5,"label":"x"}"#)
    }
}
