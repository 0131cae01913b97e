internal import Testing
internal import TiltsWire

/// Semantics the field table gives every message: merging, oneof replacement, packing,
/// presence and reflection.
@Suite("Field table semantics")
struct FieldTableTests {
    @Test("Repeated scalars decode packed and unpacked, even mixed")
    func packedAndUnpacked() throws {
        // r_int32 = 21: unpacked 1, packed [2, 3], unpacked 4
        let bytes: [UInt8] = [0xA8, 0x01, 0x01, 0xAA, 0x01, 0x02, 0x02, 0x03, 0xA8, 0x01, 0x04]
        #expect(try Everything(serializedBytes: bytes).rInt32 == [1, 2, 3, 4])
        // r_unpacked_int32 = 30 (declared [packed = false]) accepts a packed record too.
        #expect(try Everything(serializedBytes: [0xF2, 0x01, 0x02, 0x05, 0x06]).rUnpackedInt32 == [5, 6])
    }

    @Test("A repeated singular field: scalars take the last value, messages merge")
    func lastWinsAndMerge() throws {
        let bytes: [UInt8] =
            [0x08, 0x01, 0x08, 0x02]  // f_int32 = 1 then 2
            + [0x8A, 0x01, 0x02, 0x08, 0x07]  // f_nested { id: 7 }
            + [0x8A, 0x01, 0x03, 0x12, 0x01, 0x78]  // f_nested { label: "x" }
        let message = try Everything(serializedBytes: bytes)
        #expect(message.fInt32 == 2)
        #expect(message.fNested == Nested(id: 7, label: "x"))
    }

    @Test("merge(serializedBytes:) appends repeated fields and keeps others")
    func mergeAPI() throws {
        var message = Everything()
        message.rInt32 = [1]
        message.fString = "keep"
        var other = Everything()
        other.rInt32 = [2]
        try message.merge(serializedBytes: other.serializedBytes())
        #expect(message.rInt32 == [1, 2] && message.fString == "keep")
    }

    @Test("A later oneof member replaces an earlier one; the same message member merges")
    func oneof() throws {
        let replaced = try Everything(serializedBytes: [0x92, 0x03, 0x01, 0x61, 0xA0, 0x03, 0x05])
        #expect(replaced.choice == .oInt64(5))
        let merged = try Everything(serializedBytes: [0x9A, 0x03, 0x02, 0x08, 0x01, 0x9A, 0x03, 0x03, 0x12, 0x01, 0x62])
        #expect(merged.choice == .oNested(Nested(id: 1, label: "b")))
    }

    @Test("Map entries tolerate missing keys and values, reversed order and unknown fields")
    func mapEntries() throws {
        // m_string_int32 = 40: {} ; { value: 3, key: "k" } ; { key: "u", 9: 1 }
        let bytes: [UInt8] =
            [0xC2, 0x02, 0x00]
            + [0xC2, 0x02, 0x05, 0x10, 0x03, 0x0A, 0x01, 0x6B]
            + [0xC2, 0x02, 0x05, 0x0A, 0x01, 0x75, 0x48, 0x01]
        #expect(try Everything(serializedBytes: bytes).mStringInt32 == ["": 0, "k": 3, "u": 0])
    }

    @Test("Map entries are encoded in ascending key order")
    func mapOrder() {
        var message = Everything()
        message.mSint32Color = [3: .red, -1: .red, 0: .red]
        let keys = message.serializedBytes().enumerated().filter { $0.offset % 7 == 4 }.map(\.element)
        #expect(keys == [0x01, 0x00, 0x06])  // ZigZag of -1, 0, 3
    }

    @Test("Proto3 presence: defaults are skipped, optional and message fields are not")
    func presence() {
        var message = Everything()
        message.fInt32 = 0
        message.fString = ""
        #expect(message.serializedBytes().isEmpty)
        message.optInt32 = 0
        message.fNested = Nested()
        #expect(message.serializedBytes() == [0x8A, 0x01, 0x00, 0xE0, 0x03, 0x00])
    }

    @Test("Descriptors list every field with its kind and label")
    func descriptors() throws {
        let fields = Everything.fieldDescriptors
        #expect(fields.count == 42)
        #expect(fields.map(\.number) == fields.map(\.number).sorted())
        let map = try #require(fields.first { $0.name == "m_int64_nested" })
        #expect(map.kind == .map && map.label == .repeated && map.mapKey == .int64 && map.mapValue == .message)
        #expect(map.typeName == "tilts.wiretest.Nested")
        let oneof = try #require(fields.first { $0.number == 51 })
        #expect(oneof.oneof == "choice" && oneof.jsonName == "oNested")
        let optional = try #require(fields.first { $0.number == 62 })
        #expect(optional.label == .optional && optional.kind == .enum && optional.typeName == "tilts.wiretest.Color")
        #expect(fields.first { $0.number == 30 }?.isPacked == false)
        #expect(fields.first { $0.number == 21 }?.isPacked == true)
        #expect(FieldDescriptor.jsonName(for: "fill_oauth_scope") == "fillOauthScope")
    }
}
