internal import Testing
internal import TiltsWire

@Suite("Timestamp")
struct TimestampTests {
    @Test("RFC 3339 output uses 0, 3, 6 or 9 fractional digits", arguments: [
        (0, 0, "1970-01-01T00:00:00Z"),
        (1_714_552_200, 250_000_000, "2024-05-01T08:30:00.250Z"),
        (951_782_400, 1000, "2000-02-29T00:00:00.000001Z"),
        (-1, 999_999_999, "1969-12-31T23:59:59.999999999Z"),
        (-62_135_596_800, 0, "0001-01-01T00:00:00Z"),
        (253_402_300_799, 999_999_999, "9999-12-31T23:59:59.999999999Z"),
    ] as [(Int64, Int32, String)])
    func format(seconds: Int64, nanos: Int32, text: String) throws {
        let timestamp = Timestamp(seconds: seconds, nanos: nanos)
        #expect(timestamp.rfc3339 == text)
        #expect(try Timestamp(rfc3339: text) == timestamp)
        #expect(timestamp.jsonString() == "\"\(text)\"")
        #expect(try Timestamp(jsonString: "\"\(text)\"") == timestamp)
    }

    @Test("Offsets, lower-case separators and 1-9 fractional digits are accepted")
    func lenientInput() throws {
        #expect(try Timestamp(rfc3339: "2024-05-01T10:30:00+02:00") == Timestamp(seconds: 1_714_552_200))
        #expect(try Timestamp(rfc3339: "2024-05-01T03:30:00-05:00") == Timestamp(seconds: 1_714_552_200))
        #expect(try Timestamp(rfc3339: "2024-05-01t08:30:00.5z") == Timestamp(seconds: 1_714_552_200, nanos: 500_000_000))
        #expect(try Timestamp(rfc3339: "1970-01-01T00:00:00.123456789Z").nanos == 123_456_789)
    }

    @Test("Malformed or out-of-range text is rejected", arguments: [
        "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z",
        "2024-01-01T00:00:00", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567891Z",
        "0000-12-31T23:59:59Z", "0001-01-01T00:00:00+00:01", "10000-01-01T00:00:00Z", "2024-1-01T00:00:00Z", "",
    ])
    func rejects(text: String) {
        let error = #expect(throws: WireError.self) { _ = try Timestamp(rfc3339: text) }
        #expect(error?.code == .invalidJSONValue)
    }

    @Test("Binary form is an ordinary message")
    func binary() throws {
        let timestamp = Timestamp(seconds: 1, nanos: 2)
        #expect(timestamp.serializedBytes() == [0x08, 0x01, 0x10, 0x02])
        #expect(try Timestamp(serializedBytes: [0x08, 0x01, 0x10, 0x02]) == timestamp)
    }

    @Test("Out-of-range values format without trapping")
    func outOfRange() {
        for timestamp in [Timestamp(seconds: .max, nanos: .max), Timestamp(seconds: .min, nanos: .min)] {
            #expect(!timestamp.isValid)
            #expect(!timestamp.rfc3339.isEmpty)
        }
    }
}
