/// A proto3 enum, written as a struct with one static constant per named value.
///
/// Proto3 enums are open: a peer with a newer schema may send numbers this build does not name.
/// Because a conforming type is a struct wrapping an `Int32` (not a Swift `enum`), such values
/// decode, compare, and re-encode unchanged. JSON prints known values by name and unknown ones
/// as numbers.
///
/// ```swift
/// public struct ServingStatus: ProtoEnum {
///     public var rawValue: Int32
///     public init(rawValue: Int32) { self.rawValue = rawValue }
///     public static let unknown = Self(rawValue: 0)
///     public static let serving = Self(rawValue: 1)
///     public static let protoEnumName = "grpc.health.v1.HealthCheckResponse.ServingStatus"
///     public static let nameTable: [(Int32, String)] = [(0, "UNKNOWN"), (1, "SERVING")]
/// }
/// ```
///
/// Conforming types are values; use them from any thread.
public protocol ProtoEnum: RawRepresentable, Hashable, Sendable, CustomStringConvertible where RawValue == Int32 {
    /// Wraps any number, named or not.
    init(rawValue: Int32)
    /// The value names exactly as in the `.proto`, e.g. `(1, "SERVING")`.
    static var nameTable: [(Int32, String)] { get }
    /// The fully qualified proto name, e.g. `"grpc.health.v1.HealthCheckResponse.ServingStatus"`.
    /// Defaults to `""`; set it so descriptor checks can compare field types.
    static var protoEnumName: String { get }
}

extension ProtoEnum {
    public static var protoEnumName: String { "" }

    /// The `.proto` name of this value, or `nil` if this build does not know the number.
    public var protoName: String? {
        for (number, name) in Self.nameTable where number == rawValue { return name }
        return nil
    }

    /// The value with the given `.proto` name, or `nil` if there is none.
    public init?(protoName: String) {
        for (number, name) in Self.nameTable where name == protoName {
            self.init(rawValue: number)
            return
        }
        return nil
    }

    /// The `.proto` name, or the number for values this build does not name.
    public var description: String { protoName ?? String(rawValue) }
}
