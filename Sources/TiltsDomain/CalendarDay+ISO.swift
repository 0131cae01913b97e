extension CalendarDay {
    /// Parses exactly `YYYY-MM-DD` (DESIGN section 4: calendar days travel as `YYYY-MM-DD` strings).
    ///
    /// Strict: ten ASCII characters, four-digit year, two-digit month and day, hyphens in place; no
    /// sign, spaces, time, zone, week or ordinal forms. Returns `nil` for anything else and for days
    /// that do not exist (`2026-02-29`, `2026-13-01`, `0000-01-01`).
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Self.decimal(bytes[0..<4]),
            let month = Self.decimal(bytes[5..<7]),
            let day = Self.decimal(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension CalendarDay {
    /// Decodes from a single `YYYY-MM-DD` string (``init(iso:)``); anything else is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a calendar day as YYYY-MM-DD")
        }
        self = day
    }

    /// Encodes as a single `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
