/// Allocates course lengths, 40 or 70 days, by permuted blocks stratified by a stratum such as the age
/// band, reproducibly from a seed.
///
/// The pilot exists to compare 40- and 70-day courses (DESIGN, introduction), so admissions are
/// randomised. Within each stratum allocations come in blocks of `blockSize` (default 4), each holding
/// `blockSize / 2` of each length in random order; after every complete block a stratum is exactly
/// balanced, and no stratum's sequence depends on another's.
///
/// The algorithm, fixed so that anyone holding the seed can re-derive every allocation:
/// 1. Allocation `index` (0-based, counted within its stratum) lies in block `b = index / blockSize`
///    at position `index % blockSize`.
/// 2. The block's generator is SplitMix64 with initial state
///    `seed ^ fnv1a64(utf8(stratum)) ^ mix64(UInt64(b))`, where `fnv1a64` is 64-bit FNV-1a
///    (offset basis 0xcbf29ce484222325, prime 0x100000001b3) and `mix64` is the SplitMix64 finaliser
///    (`z ^= z >> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >> 27; z *= 0x94d049bb133111eb; z ^= z >> 31`).
///    Each draw adds 0x9e3779b97f4a7c15 to the state and returns `mix64(state)`.
/// 3. The block starts as `blockSize / 2` × 40 followed by `blockSize / 2` × 70 and is shuffled by
///    Fisher–Yates: for `i` from `blockSize − 1` down to 1, draw `j` uniform in `0...i` and swap
///    elements `i` and `j`. A uniform `j` below `n = i + 1` rejects draws under `2⁶⁴ mod n` and then
///    takes the draw `mod n`.
///
/// The randomizer keeps no state: the caller stores, per stratum, how many allocations it has made
/// (in the same transaction as the allocation) and passes that count as `index`. Keep the seed secret
/// until the pilot ends, or staff could predict the next allocation.
///
/// A value type, safe from any thread.
///
/// ```swift
/// let randomizer = BlockRandomizer(seed: 0x5EED)
/// let length = randomizer.allocation(ageBand: .from7To11, index: admittedSoFarInBand)
/// ```
public struct BlockRandomizer: Sendable {
    /// The seed all allocations derive from.
    public let seed: UInt64
    /// Allocations per block; even.
    public let blockSize: Int

    /// - Parameters:
    ///   - seed: the recorded seed.
    ///   - blockSize: allocations per block, even and at least 2; each block has `blockSize / 2` of each length.
    /// - Precondition: `blockSize` is even and positive.
    public init(seed: UInt64, blockSize: Int = 4) {
        precondition(blockSize >= 2 && blockSize % 2 == 0, "block size must be even and positive")
        self.seed = seed
        self.blockSize = blockSize
    }

    /// The length for the `index`-th (0-based) allocation within `stratum`. Pure: same inputs, same answer.
    ///
    /// - Precondition: `index >= 0`.
    public func allocation(stratum: String, index: Int) -> CourseLength {
        precondition(index >= 0, "allocation index must not be negative")
        return block(stratum: stratum, blockIndex: index / blockSize)[index % blockSize]
    }

    /// ``allocation(stratum:index:)`` with the age band's label (`"0-6"`, …) as the stratum.
    public func allocation(ageBand: AgeBand, index: Int) -> CourseLength {
        allocation(stratum: ageBand.rawValue, index: index)
    }

    /// The whole block `blockIndex` (0-based) of `stratum`, in allocation order; for audits and tests.
    ///
    /// - Precondition: `blockIndex >= 0`.
    public func block(stratum: String, blockIndex: Int) -> [CourseLength] {
        precondition(blockIndex >= 0, "block index must not be negative")
        var generator = SplitMix64(
            seed: seed ^ fnv1a64(stratum.utf8) ^ SplitMix64.mix(UInt64(blockIndex)))
        var block = Array(repeating: CourseLength.days40, count: blockSize / 2)
            + Array(repeating: CourseLength.days70, count: blockSize / 2)
        var i = blockSize - 1
        while i > 0 {
            let j = Int(generator.next(below: UInt64(i + 1)))
            block.swapAt(i, j)
            i -= 1
        }
        return block
    }
}
