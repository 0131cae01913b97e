internal import Foundation
internal import Testing
internal import TiltsMessages
internal import TiltsWire

/// Replays the fuzzers' committed inputs (`Tests/Fuzz/corpus/wire-decode` and `wire-json`: seeds
/// and every input a fuzzer once crashed on) with the harnesses' checks, so a regression shows in
/// the ordinary test run without libFuzzer.
@Suite("Fuzz corpus replay: wire")
struct FuzzCorpusReplayTests {
    static func corpus(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fuzz/corpus/\(target)").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { name in
            (name, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    @Test("wire-decode inputs decode or throw; what decodes round-trips")
    func binary() throws {
        let inputs = try Self.corpus("wire-decode")
        #expect(inputs.count >= 20)
        for (name, bytes) in inputs {
            try Self.checkBinary(Everything.self, bytes, name)
            try Self.checkBinary(SubmitReferralRequest.self, bytes, name)
            try Self.checkBinary(Event.self, bytes, name)
        }
    }

    @Test("wire-json inputs parse or throw; what parses round-trips")
    func json() throws {
        let inputs = try Self.corpus("wire-json")
        #expect(inputs.count >= 20)
        for (name, bytes) in inputs {
            let text = String(decoding: bytes, as: UTF8.self)
            try Self.checkJSON(Everything.self, text, name)
            try Self.checkJSON(SubmitReferralRequest.self, text, name)
            try Self.checkJSON(Event.self, text, name)
        }
    }

    static func checkBinary<M: Message>(_ type: M.Type, _ bytes: [UInt8], _ name: String) throws {
        guard let first = try? M(serializedBytes: bytes) else { return }
        let encoded = first.serializedBytes()
        let second = try M(serializedBytes: encoded)
        // An independent copy tells whether a NaN makes the message unequal to itself.
        if first == (try? M(serializedBytes: bytes)) {
            #expect(second == first, "\(name) as \(M.protoMessageName): decode(encode(m)) != m")
        }
        #expect(second.serializedBytes() == encoded, "\(name) as \(M.protoMessageName): re-encoding not stable")
        _ = first.jsonString()
    }

    static func checkJSON<M: Message>(_ type: M.Type, _ text: String, _ name: String) throws {
        guard let first = try? M(jsonString: text) else { return }
        let printed = first.jsonString()
        let again = try M(jsonString: printed)
        let binary = try M(serializedBytes: first.serializedBytes())
        if first == (try? M(jsonString: text)) {
            #expect(again == first, "\(name) as \(M.protoMessageName): parse(print(m)) != m")
            #expect(binary == first, "\(name) as \(M.protoMessageName): decode(encode(m)) != m")
        }
        #expect(again.jsonString() == printed, "\(name) as \(M.protoMessageName): JSON printing not stable")
    }
}
