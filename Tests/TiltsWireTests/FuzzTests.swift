internal import Testing
internal import TiltsWire

/// Randomised hostile input: decoding may succeed or throw, but must never trap, and whatever
/// decodes must re-encode stably.
@Suite("Fuzzing")
struct FuzzTests {
    /// SplitMix64: small, seeded, reproducible.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func mutate(_ input: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where !bytes.isEmpty:
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 1:
                bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
            case 2 where !bytes.isEmpty:
                bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng))
            case 3 where !bytes.isEmpty:
                bytes.removeLast(Int.random(in: 0...bytes.count, using: &rng))
            default:
                if !bytes.isEmpty {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[i] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
                }
            }
        }
        return bytes
    }

    @Test("20,000 random and mutated byte arrays decode or throw")
    func binary() throws {
        var rng = Generator(state: 0x5EED_7111)
        let seeds = try Fixtures.goldenCases().map(\.bytes).filter { !$0.isEmpty }
        var decoded = 0
        for iteration in 0..<20_000 {
            let input: [UInt8]
            if iteration % 2 == 0 {
                input = (0..<Int.random(in: 0...48, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                input = Self.mutate(seeds[iteration % seeds.count], &rng)
            }
            guard let message = try? Everything(serializedBytes: input) else { continue }
            decoded += 1
            let once = message.serializedBytes()
            let again = try Everything(serializedBytes: once).serializedBytes()
            #expect(once == again, "unstable re-encoding of \(Hex.encode(input))")
            _ = try? Everything(jsonString: message.jsonString())
        }
        #expect(decoded > 1000)
    }

    @Test("5,000 mutated JSON texts decode or throw")
    func json() throws {
        var rng = Generator(state: 0x15_0_5EED)
        let seeds = try Fixtures.goldenCases().map { Array($0.json.utf8) }
        for iteration in 0..<5_000 {
            let input = Self.mutate(seeds[iteration % seeds.count], &rng)
            if let message = try? Everything(jsonString: String(decoding: input, as: UTF8.self)) {
                _ = message.serializedBytes()
                _ = message.jsonString()
            }
        }
    }

    @Test("Very deep JSON nesting throws instead of overflowing the stack")
    func deepJSON() {
        let arrays = String(repeating: "[", count: 100_000)
        #expect(throws: WireError.self) { _ = try Everything(jsonString: arrays) }
        let nested = String(repeating: "{\"children\":[", count: 5_000) + String(repeating: "]}", count: 5_000)
        #expect(throws: WireError.self) { _ = try Nested(jsonString: nested) }
    }
}
