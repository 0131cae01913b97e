/// Reads protobuf binary data from a byte array, never past a fixed end.
///
/// A decoder for a nested message shares the parent's array (no copy) and only narrows
/// `position..<end`. Every read checks bounds first, so hostile input throws a ``WireError``
/// instead of trapping, and no allocation is sized from a declared length that exceeds the bytes
/// actually present.
struct BinaryDecoder {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    /// How many messages enclose the one being read (0 for the top level).
    let depth: Int

    init(bytes: [UInt8]) {
        self.bytes = bytes
        position = 0
        end = bytes.count
        depth = 0
    }

    private init(bytes: [UInt8], range: Range<Int>, depth: Int) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
        self.depth = depth
    }

    var isAtEnd: Bool { position >= end }

    func error(_ code: WireError.Code, _ what: String, at offset: Int? = nil) -> WireError {
        WireError(code: code, message: "\(what) at offset \(offset ?? position)")
    }

    /// A decoder for the bytes in `range`, one nesting level deeper.
    func nested(_ range: Range<Int>) throws -> BinaryDecoder {
        guard depth + 1 <= WireError.maximumDepth else {
            throw error(.nestingTooDeep, "messages nested more than \(WireError.maximumDepth) deep", at: range.lowerBound)
        }
        return BinaryDecoder(bytes: bytes, range: range, depth: depth + 1)
    }

    /// A decoder for the bytes in `range` at the same depth (packed elements).
    func slice(_ range: Range<Int>) -> BinaryDecoder {
        BinaryDecoder(bytes: bytes, range: range, depth: depth)
    }

    mutating func readVarint() throws -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for _ in 0..<Varint.maximumLength {
            guard position < end else { throw error(.truncated, "varint cut short", at: start) }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw error(.overlongVarint, "varint longer than 10 bytes", at: start)
    }

    mutating func readFixed32() throws -> UInt32 {
        guard end - position >= 4 else { throw error(.truncated, "fixed32 cut short") }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * UInt32(i)) }
        position += 4
        return v
    }

    mutating func readFixed64() throws -> UInt64 {
        guard end - position >= 8 else { throw error(.truncated, "fixed64 cut short") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return v
    }

    /// Reads a tag; rejects field number 0, numbers above 2^29-1, groups and wire types 6 and 7.
    mutating func readTag() throws -> (number: UInt32, wireType: WireType) {
        let start = position
        let raw = try readVarint()
        guard raw <= UInt64(UInt32.max) else {
            throw error(.invalidFieldNumber, "tag \(raw) exceeds 32 bits", at: start)
        }
        let number = UInt32(raw >> 3)
        guard number != 0, number <= WireFormat.maximumFieldNumber else {
            throw error(.invalidFieldNumber, "field number \(number)", at: start)
        }
        let low = UInt8(raw & 7)
        guard let wireType = WireType(rawValue: low) else {
            if low == 3 || low == 4 {
                throw error(.groupNotSupported, "group wire type \(low) for field \(number)", at: start)
            }
            throw error(.invalidWireType, "wire type \(low) for field \(number)", at: start)
        }
        return (number, wireType)
    }

    /// Reads a length prefix and returns the range of the body, checked against `end`.
    mutating func readLengthDelimited() throws -> Range<Int> {
        let start = position
        let length = try readVarint()
        guard length <= UInt64(end - position) else {
            throw error(.lengthOutOfBounds, "length \(length) exceeds the \(end - position) bytes left", at: start)
        }
        let range = position..<(position + Int(length))
        position = range.upperBound
        return range
    }

    mutating func readBytes() throws -> [UInt8] {
        Array(bytes[try readLengthDelimited()])
    }

    mutating func readString() throws -> String {
        let start = position
        let range = try readLengthDelimited()
        guard let s = String(validating: bytes[range], as: UTF8.self) else {
            throw error(.invalidUTF8, "string is not valid UTF-8", at: start)
        }
        return s
    }

    /// Skips the value of a field with `wireType`, which has just been read.
    mutating func skip(_ wireType: WireType) throws {
        switch wireType {
        case .varint: _ = try readVarint()
        case .fixed32: _ = try readFixed32()
        case .fixed64: _ = try readFixed64()
        case .lengthDelimited: _ = try readLengthDelimited()
        }
    }
}
