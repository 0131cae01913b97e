/// Base-128 varint arithmetic shared by the binary encoder and decoder.
enum Varint {
    /// The longest legal varint: 64 bits in 7-bit groups.
    static let maximumLength = 10

    /// How many bytes `value` occupies as a varint.
    @inline(__always)
    static func size(_ value: UInt64) -> Int {
        // 1 + floor(bits / 7), where bits is the position of the highest set bit.
        let bits = 64 - (value | 1).leadingZeroBitCount
        return (bits + 6) / 7
    }

    /// Appends `value` to `bytes` as a varint.
    @inline(__always)
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Writes `value` as a varint of exactly `width` bytes (`width` must be `size(value)`),
    /// starting at `index`. Used to patch length prefixes in place.
    static func write(_ value: UInt64, width: Int, into bytes: inout [UInt8], at index: Int) {
        var v = value
        for i in 0..<width {
            var byte = UInt8(truncatingIfNeeded: v & 0x7F)
            v >>= 7
            if i < width - 1 { byte |= 0x80 }
            bytes[index + i] = byte
        }
    }
}
