import Foundation
import Testing
import TiltsRPC

/// Replays the `message-deframer` fuzzer's committed inputs (`Tests/Fuzz/corpus/message-deframer`:
/// seeds and every input it once crashed on). Layout as in the harness: byte 0 picks the size
/// limit, the rest is the stream; here it is fed one byte at a time and whole, and both must agree.
@Suite("Fuzz corpus replay: deframer")
struct DeframerCorpusReplayTests {
    static let limits = [0, 1, 5, 64, 1_000, 1 << 16, 4 << 20]

    static func deframe(_ chunks: [[UInt8]], limit: Int) -> (messages: [[UInt8]], failure: StatusCode?) {
        var deframer = MessageDeframer(maxMessageSize: limit)
        var messages: [[UInt8]] = []
        for chunk in chunks {
            deframer.append(chunk)
            do {
                while let message = try deframer.next() {
                    #expect(message.count <= limit)
                    messages.append(message)
                }
            } catch {
                return (messages, (error as? RPCError)?.code ?? .unknown)
            }
        }
        return (messages, nil)
    }

    @Test func committedInputsDeframeAlikeInAnyChunking() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fuzz/corpus/message-deframer").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5)
        for name in names {
            let data = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            guard data.count >= 2 else { continue }
            let limit = Self.limits[Int(data[0]) % Self.limits.count]
            let stream = Array(data[2...])
            let whole = Self.deframe([stream], limit: limit)
            let bytewise = Self.deframe(stream.map { [$0] }, limit: limit)
            #expect(whole.messages == bytewise.messages, "\(name)")
            #expect(whole.failure == bytewise.failure, "\(name)")
        }
    }
}
