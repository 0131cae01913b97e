/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014; the
/// reference is Vigna's `splitmix64.c`): a 64-bit state advanced by the golden-ratio increment and
/// scrambled by a fixed finaliser.
///
/// Written out here rather than taken from the standard library, whose generators and `shuffle`
/// algorithm are not promised to stay the same between releases: allocations must be reproducible
/// forever from a recorded seed, also by an auditor re-implementing this in another language.
struct SplitMix64 {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform integer in `0..<bound`, without modulo bias: draws below `2⁶⁴ mod bound` are
    /// rejected and drawn again, then the draw is reduced `mod bound`.
    mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        let threshold = (0 &- bound) % bound  // 2⁶⁴ mod bound
        while true {
            let value = next()
            if value >= threshold { return value % bound }
        }
    }

    /// The SplitMix64 finaliser (a variant of MurmurHash3's fmix64): a bijection of 64-bit values.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 64-bit FNV-1a over bytes: offset basis 0xcbf29ce484222325, prime 0x100000001b3; for each byte,
/// `hash = (hash ^ byte) × prime` (wrapping).
func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
}
