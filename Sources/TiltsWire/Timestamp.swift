/// The well-known type `google.protobuf.Timestamp`: an instant as seconds and nanoseconds since
/// the Unix epoch (1970-01-01T00:00:00Z), independent of time zone and calendar.
///
/// On the wire it is an ordinary message (`int64 seconds = 1; int32 nanos = 2;`). In proto3 JSON
/// it is an RFC 3339 string in UTC, such as `"2024-05-01T08:30:00.250Z"`, written with 0, 3, 6 or
/// 9 fractional digits. JSON input accepts 0–9 fractional digits and a `Z` or `±HH:MM` offset.
///
/// Use it as a field like any message: `.message(4, "created_at", \.createdAt)` with
/// `var createdAt: Timestamp?`. A value type; safe from any thread.
public struct Timestamp: Message, Hashable {
    /// Seconds since the epoch; from -62135596800 (0001-01-01) to 253402300799 (9999-12-31).
    public var seconds: Int64 = 0
    /// Non-negative nanoseconds within the second, 0 through 999,999,999.
    public var nanos: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    /// Creates a timestamp from seconds and nanoseconds since the epoch.
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    /// The earliest instant RFC 3339 can express: 0001-01-01T00:00:00Z.
    public static let minimumSeconds: Int64 = -62_135_596_800
    /// The latest whole second RFC 3339 can express: 9999-12-31T23:59:59Z.
    public static let maximumSeconds: Int64 = 253_402_300_799

    public static let protoMessageName = "google.protobuf.Timestamp"

    public static let fieldTable = FieldTable<Self>(
        [
            .int64(1, "seconds", \.seconds),
            .int32(2, "nanos", \.nanos),
        ],
        customJSON: CustomJSON(
            write: { timestamp, writer in writer.string(timestamp.rfc3339) },
            read: { json in
                guard case .string(let text) = json else {
                    throw WireError(code: .invalidJSONValue, message: "expected an RFC 3339 string for a Timestamp, got \(json.kindName)")
                }
                return try Timestamp(rfc3339: text)
            }))

    /// Whether `seconds` and `nanos` lie in the range the proto3 JSON mapping allows.
    public var isValid: Bool {
        (Self.minimumSeconds...Self.maximumSeconds).contains(seconds) && (0...999_999_999).contains(nanos)
    }
}
