import Testing
import TiltsRPC

@Suite struct MetadataTests {
    @Test func binaryValuesRoundTripThroughHeaders() throws {
        var metadata = Metadata()
        metadata.add("x-trace", "abc")
        metadata.add("x-blob-bin", [0, 1, 2, 250, 251, 252, 253, 254, 255])
        let decoded = try Metadata(headerFields: metadata.headerFields())
        #expect(decoded == metadata)
    }

    @Test func reservedHeadersAreNotMetadata() throws {
        let decoded = try Metadata(headerFields: [
            (":path", "/a/b"), ("content-type", "application/grpc"), ("te", "trailers"), ("grpc-timeout", "1S"),
            ("x-kept", "yes"),
        ])
        #expect(decoded.count == 1)
        #expect(decoded.first("x-kept") == "yes")
    }

    @Test func invalidBase64IsAnError() {
        #expect(throws: RPCError.self) { try Metadata(headerFields: [("x-bad-bin", "!!!")]) }
    }

    @Test func unpaddedBase64IsAccepted() throws {
        let decoded = try Metadata(headerFields: [("x-b-bin", "q6ur")])
        #expect(decoded.firstBinary("x-b-bin") == [0xAB, 0xAB, 0xAB])
        let short = try Metadata(headerFields: [("x-b-bin", "AQ")])
        #expect(short.firstBinary("x-b-bin") == [1])
    }
}
