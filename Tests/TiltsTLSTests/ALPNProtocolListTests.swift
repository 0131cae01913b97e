internal import Testing
@testable internal import TiltsTLS

@Suite("ALPNProtocolList")
struct ALPNProtocolListTests {
    private func select(_ ours: [String], offered: [String]) throws -> String? {
        let list = try ALPNProtocolList(ours)
        let wire = try ALPNProtocolList(offered).wireFormat
        return wire.withUnsafeBytes { bytes in
            list.select(from: bytes).map { String(decoding: bytes[$0.offset..<($0.offset + $0.length)], as: UTF8.self) }
        }
    }

    @Test func wireFormatIsLengthPrefixed() throws {
        #expect(try ALPNProtocolList(["h2", "http/1.1"]).wireFormat == [2] + Array("h2".utf8) + [8] + Array("http/1.1".utf8))
    }

    @Test func serverPreferenceWins() throws {
        #expect(try self.select(["h2", "http/1.1"], offered: ["http/1.1", "h2"]) == "h2")
        #expect(try self.select(["http/1.1", "h2"], offered: ["h2", "http/1.1"]) == "http/1.1")
    }

    @Test func noOverlapSelectsNothing() throws {
        #expect(try self.select(["h2"], offered: ["http/1.1", "spdy/3"]) == nil)
        #expect(try self.select(["h2"], offered: ["h2c"]) == nil)
    }

    @Test func malformedOfferSelectsNothing() throws {
        let list = try ALPNProtocolList(["h2"])
        let truncated: [UInt8] = [5, 0x68, 0x32]
        #expect(truncated.withUnsafeBytes { list.select(from: $0) } == nil)
        let zeroLength: [UInt8] = [0, 2, 0x68, 0x32]
        #expect(zeroLength.withUnsafeBytes { list.select(from: $0) } == nil)
    }

    @Test func invalidNamesAreRejected() {
        #expect(throws: TLSError.self) { try ALPNProtocolList([""]) }
        #expect(throws: TLSError.self) { try ALPNProtocolList([String(repeating: "x", count: 256)]) }
    }
}
