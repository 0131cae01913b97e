/// The wire type carried in the low three bits of every protobuf tag.
///
/// Only the four wire types proto3 uses are represented; 3 and 4 (groups) and 6 and 7 are
/// rejected while reading a tag.
enum WireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
}

/// Helpers for tags and ZigZag integers.
enum WireFormat {
    /// The largest legal field number (2^29 - 1).
    static let maximumFieldNumber: UInt32 = 536_870_911

    /// The tag value for a field number and wire type.
    @inline(__always)
    static func tag(_ number: UInt32, _ wireType: WireType) -> UInt64 {
        UInt64(number) << 3 | UInt64(wireType.rawValue)
    }

    @inline(__always)
    static func zigZag(_ value: Int32) -> UInt32 {
        UInt32(bitPattern: (value << 1) ^ (value >> 31))
    }

    @inline(__always)
    static func zigZag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    @inline(__always)
    static func unZigZag(_ value: UInt32) -> Int32 {
        Int32(bitPattern: value >> 1) ^ -Int32(bitPattern: value & 1)
    }

    @inline(__always)
    static func unZigZag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}
