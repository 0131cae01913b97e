internal import Testing
internal import TiltsWire

/// Malformed binary input must throw the right ``WireError`` code, never trap.
@Suite("Hostile binary input")
struct HostileInputTests {
    private func code(_ bytes: [UInt8]) -> WireError.Code? {
        do {
            _ = try Everything(serializedBytes: bytes)
            return nil
        } catch let error as WireError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test("Truncated input", arguments: [
        [0x08],  // tag without its varint
        [0x08, 0x80],  // varint with continuation bit, then nothing
        [0x3D, 0x01, 0x02],  // fixed32 with two bytes
        [0x41, 0x01, 0x02, 0x03],  // fixed64 with three bytes
        [0xBA, 0x01, 0x03, 0x01, 0x00, 0x00],  // packed fixed32 of length 3
        [0x80],  // tag varint cut short
    ] as [[UInt8]])
    func truncated(bytes: [UInt8]) {
        #expect(code(bytes) == .truncated)
    }

    @Test("Varint longer than 10 bytes")
    func overlongVarint() {
        #expect(code([0x08] + Array(repeating: 0xFF, count: 10) + [0x01]) == .overlongVarint)
        // Exactly 10 bytes is legal.
        #expect(code([0x08] + Array(repeating: 0xFF, count: 9) + [0x01]) == nil)
    }

    @Test("Known field with the wrong wire type", arguments: [
        [0x0A, 0x00],  // f_int32 (varint) as length-delimited
        [0x75, 0, 0, 0, 0],  // f_string (length-delimited) as fixed32
        [0x89, 0x01, 0, 0, 0, 0, 0, 0, 0, 0],  // f_nested as fixed64
        [0xAD, 0x01, 0, 0, 0, 0],  // r_int32 (varint, packable) as fixed32
        [0xEA, 0x01, 0x00],  // r_string as... length-delimited is right; see next
    ] as [[UInt8]])
    func wrongWireType(bytes: [UInt8]) {
        if bytes.first == 0xEA {
            #expect(code(bytes) == nil)
            #expect(code([0xE8, 0x01, 0x00]) == .wrongWireType)  // r_string as varint
        } else {
            #expect(code(bytes) == .wrongWireType)
        }
    }

    @Test("Map entry key with the wrong wire type")
    func mapEntryWrongWireType() {
        // m_string_int32 entry { key: fixed32 0 }
        #expect(code([0xC2, 0x02, 0x05, 0x0D, 0, 0, 0, 0]) == .wrongWireType)
    }

    @Test("Length beyond the buffer, including huge declared lengths")
    func lengthOutOfBounds() {
        #expect(code([0x72, 0x05, 0x61]) == .lengthOutOfBounds)
        #expect(code([0x72, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) == .lengthOutOfBounds)
        #expect(code([0x72] + Array(repeating: 0xFF, count: 9) + [0x01]) == .lengthOutOfBounds)
        // A nested length must fit the enclosing message, not just the whole buffer.
        #expect(code([0x8A, 0x01, 0x02, 0x12, 0x05, 0x61, 0x62, 0x63, 0x64, 0x65]) == .lengthOutOfBounds)
    }

    @Test("Invalid UTF-8 in a string field", arguments: [
        [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xC0, 0xAF],
    ] as [[UInt8]])
    func invalidUTF8(text: [UInt8]) {
        #expect(code([0x72, UInt8(text.count)] + text) == .invalidUTF8)
        // Bytes fields take anything.
        #expect(code([0x7A, UInt8(text.count)] + text) == nil)
    }

    @Test("Field number 0 and numbers above 2^29-1")
    func invalidFieldNumber() {
        #expect(code([0x00, 0x00]) == .invalidFieldNumber)
        #expect(code([0x02, 0x00]) == .invalidFieldNumber)
        #expect(code([0x80, 0x80, 0x80, 0x80, 0x10, 0x00]) == .invalidFieldNumber)  // field 2^29
        #expect(code([0xF8, 0xFF, 0xFF, 0xFF, 0x0F, 0x00]) == nil)  // field 2^29-1 is legal
    }

    @Test("Group wire types 3 and 4 are rejected, known or unknown field")
    func groups() {
        #expect(code([0x0B]) == .groupNotSupported)
        #expect(code([0x0C]) == .groupNotSupported)
        #expect(code([0x9B, 0x06, 0x9C, 0x06]) == .groupNotSupported)  // field 99
    }

    @Test("Wire types 6 and 7 are rejected")
    func invalidWireTypes() {
        #expect(code([0x0E, 0x00]) == .invalidWireType)
        #expect(code([0x9F, 0x06, 0x00]) == .invalidWireType)
    }

    @Test("Nesting deeper than 100 is rejected; 100 is accepted")
    func nesting() throws {
        func chain(_ depth: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            for _ in 0..<depth {
                var wrapped: [UInt8] = [0x1A]
                var length = bytes.count
                while length >= 0x80 {
                    wrapped.append(UInt8(length & 0x7F) | 0x80)
                    length >>= 7
                }
                wrapped.append(UInt8(length))
                bytes = wrapped + bytes
            }
            return bytes
        }
        #expect(throws: Never.self) { _ = try Nested(serializedBytes: chain(100)) }
        let error = #expect(throws: WireError.self) { _ = try Nested(serializedBytes: chain(101)) }
        #expect(error?.code == .nestingTooDeep)
        let deep = #expect(throws: WireError.self) { _ = try Nested(serializedBytes: chain(5000)) }
        #expect(deep?.code == .nestingTooDeep)
    }

    @Test("Error messages name the message type, field and offset")
    func messages() throws {
        let error = #expect(throws: WireError.self) {
            _ = try Everything(serializedBytes: [0x08, 0x01, 0x72, 0x02, 0xC3, 0x28])
        }
        let message = error?.message ?? ""
        #expect(message.contains("tilts.wiretest.Everything.f_string"))
        #expect(message.contains("offset 3"))  // the length prefix of field 14
        #expect(error?.description.hasPrefix("WireError.invalidUTF8") == true)

        let nested = #expect(throws: WireError.self) {
            _ = try Everything(serializedBytes: [0x8A, 0x01, 0x02, 0x08, 0x80])
        }
        #expect(nested?.message.contains("tilts.wiretest.Everything.f_nested: tilts.wiretest.Nested.id") == true)
    }
}
