@testable internal import TiltsWire
internal import Testing

/// Checks TiltsWire against bytes and JSON produced by the reference protobuf library
/// (`Fixtures/make_golden.py`), in both directions.
@Suite("Golden vectors from the reference protobuf library")
struct GoldenVectorTests {
    static let caseNames = GoldenCases.all.keys.sorted()

    static func fixture(_ name: String) throws -> Fixtures.GoldenCase {
        try #require(try Fixtures.goldenCases().first { $0.name == name }, "no fixture named \(name)")
    }

    @Test("Every fixture has a Swift value and vice versa")
    func fixtureSetMatches() throws {
        let names = try Fixtures.goldenCases().map(\.name).sorted()
        #expect(names == Self.caseNames)
    }

    @Test("Reference bytes decode to the expected value", arguments: caseNames)
    func decodesReferenceBytes(name: String) throws {
        let fixture = try Self.fixture(name)
        let decoded = try Everything(serializedBytes: fixture.bytes)
        #expect(decoded == GoldenCases.all[name])
        #expect(decoded.unknownFields.isEmpty)
    }

    @Test("Our bytes equal the reference bytes", arguments: caseNames)
    func encodesReferenceBytes(name: String) throws {
        let fixture = try Self.fixture(name)
        let ours = try #require(GoldenCases.all[name]).serializedBytes()
        if name == "maps" {
            // upb's "deterministic" map order is an artifact of its backwards encoder; we sort keys
            // ascending like C++. Same records, different order.
            #expect(try records(ours).sorted(by: lexicographic) == records(fixture.bytes).sorted(by: lexicographic))
            #expect(try Everything(serializedBytes: ours) == GoldenCases.all[name])
        } else {
            #expect(Hex.encode(ours) == fixture.hex)
        }
    }

    @Test("Reference JSON (JSON names and proto names) decodes to the expected value", arguments: caseNames)
    func decodesReferenceJSON(name: String) throws {
        let fixture = try Self.fixture(name)
        #expect(try Everything(jsonString: fixture.json) == GoldenCases.all[name])
        #expect(try Everything(jsonString: fixture.json_proto_names) == GoldenCases.all[name])
    }

    @Test("Our JSON equals the reference JSON", arguments: caseNames)
    func encodesReferenceJSON(name: String) throws {
        let fixture = try Self.fixture(name)
        let value = try #require(GoldenCases.all[name])
        let ours = value.jsonString()
        #expect(try Fixtures.sameJSON(ours, fixture.json), "ours: \(ours)\nreference: \(fixture.json)")
        #expect(try Everything(jsonString: ours) == value)
    }

    @Test("Negative zero keeps its sign through binary and JSON")
    func negativeZero() throws {
        let value = try #require(GoldenCases.all["negative_zero"])
        let binary = try Everything(serializedBytes: value.serializedBytes())
        let json = try Everything(jsonString: value.jsonString())
        for decoded in [binary, json] {
            #expect(decoded.fFloat.sign == .minus && decoded.fDouble.sign == .minus)
        }
    }

    /// Splits encoded bytes into top-level records (tag and value).
    private func records(_ bytes: [UInt8]) throws -> [[UInt8]] {
        var decoder = BinaryDecoder(bytes: bytes)
        var result: [[UInt8]] = []
        while !decoder.isAtEnd {
            let start = decoder.position
            let (_, wireType) = try decoder.readTag()
            try decoder.skip(wireType)
            result.append(Array(bytes[start..<decoder.position]))
        }
        return result
    }

    private func lexicographic(_ a: [UInt8], _ b: [UInt8]) -> Bool { a.lexicographicallyPrecedes(b) }
}
