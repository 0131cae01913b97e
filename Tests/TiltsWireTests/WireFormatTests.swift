@testable internal import TiltsWire
internal import Testing

@Suite("Varint and ZigZag")
struct WireFormatTests {
    @Test("Varint sizes and bytes", arguments: [
        (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
        (UInt64(UInt32.max), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ] as [(UInt64, [UInt8])])
    func varint(value: UInt64, bytes: [UInt8]) throws {
        var out: [UInt8] = []
        Varint.append(value, to: &out)
        #expect(out == bytes)
        #expect(Varint.size(value) == bytes.count)
        var decoder = BinaryDecoder(bytes: bytes)
        #expect(try decoder.readVarint() == value)
        #expect(decoder.isAtEnd)
    }

    @Test("ZigZag matches the protobuf encoding guide")
    func zigZag() {
        #expect(WireFormat.zigZag(Int32(0)) == 0)
        #expect(WireFormat.zigZag(Int32(-1)) == 1)
        #expect(WireFormat.zigZag(Int32(1)) == 2)
        #expect(WireFormat.zigZag(Int32(-2)) == 3)
        #expect(WireFormat.zigZag(Int32.max) == 0xFFFF_FFFE)
        #expect(WireFormat.zigZag(Int32.min) == 0xFFFF_FFFF)
        #expect(WireFormat.zigZag(Int64.min) == .max)
        for value in [Int64.min, -1, 0, 1, .max] {
            #expect(WireFormat.unZigZag(WireFormat.zigZag(value)) == value)
        }
        for value in [Int32.min, -1, 0, 1, .max] {
            #expect(WireFormat.unZigZag(WireFormat.zigZag(value)) == value)
        }
    }

    @Test("Nested lengths widen in place past 127 bytes")
    func nestedLengthPrefix() throws {
        for length in [0, 1, 127, 128, 16_383, 16_384, 300_000] {
            var nested = Nested()
            nested.label = String(repeating: "a", count: length)
            var outer = Everything()
            outer.fNested = nested
            let bytes = outer.serializedBytes()
            #expect(try Everything(serializedBytes: bytes) == outer)
        }
    }
}

@Suite("Base64")
struct Base64Tests {
    @Test("RFC 4648 test vectors", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test("All byte values round-trip")
    func allBytes() {
        let bytes = [UInt8](0...255)
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
    }

    @Test("Invalid input is rejected", arguments: ["Zg===", "Z", "Zm9v!", "Zm 9v", "=Zm9", "Zg=a"])
    func invalid(text: String) {
        #expect(Base64.decode(text) == nil)
    }
}
