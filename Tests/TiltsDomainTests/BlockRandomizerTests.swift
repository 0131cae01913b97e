internal import Testing
@testable internal import TiltsDomain

@Suite("BlockRandomizer")
struct BlockRandomizerTests {
    private func sequence(_ randomizer: BlockRandomizer, _ stratum: String, count: Int) -> [CourseLength] {
        (0..<count).map { randomizer.allocation(stratum: stratum, index: $0) }
    }

    @Test("Reproducible: same seed, stratum and index give the same length, in any order of asking")
    func reproducible() {
        let a = BlockRandomizer(seed: 20_260_301)
        let b = BlockRandomizer(seed: 20_260_301)
        let forward = sequence(a, "7-11", count: 200)
        let backward = (0..<200).reversed().map { b.allocation(stratum: "7-11", index: $0) }.reversed()
        #expect(forward == Array(backward))
        #expect(sequence(a, "7-11", count: 200) == forward)
    }

    @Test("Every complete block has half of each length", arguments: [2, 4, 6, 8])
    func balanced(blockSize: Int) {
        let randomizer = BlockRandomizer(seed: 99, blockSize: blockSize)
        for stratum in AgeBand.allCases.map(\.rawValue) + ["", "other stratum"] {
            let allocations = sequence(randomizer, stratum, count: blockSize * 50)
            for start in stride(from: 0, to: allocations.count, by: blockSize) {
                let block = allocations[start..<(start + blockSize)]
                #expect(block.filter { $0 == .days40 }.count == blockSize / 2)
            }
        }
    }

    @Test("Blocks are shuffled: over many blocks each position takes both lengths and blocks vary")
    func shuffled() {
        let randomizer = BlockRandomizer(seed: 7)
        let blocks = (0..<200).map { randomizer.block(stratum: "0-6", blockIndex: $0) }
        #expect(Set(blocks.map { $0.map(\.rawValue) }).count == 6)  // all C(4,2) orders appear
        for position in 0..<4 {
            let forty = blocks.filter { $0[position] == .days40 }.count
            #expect((60...140).contains(forty), "position \(position): \(forty) of 200")
        }
    }

    @Test("Strata are independent: each has its own sequence, unaffected by the others")
    func strataIndependent() {
        let randomizer = BlockRandomizer(seed: 12345)
        let sequences = AgeBand.allCases.map { sequence(randomizer, $0.rawValue, count: 100) }
        #expect(Set(sequences.map { $0.map(\.rawValue) }).count == sequences.count)
        // Asking for other strata in between changes nothing.
        var interleaved: [CourseLength] = []
        for index in 0..<100 {
            _ = randomizer.allocation(stratum: "0-6", index: index)
            interleaved.append(randomizer.allocation(ageBand: .from12To14, index: index))
        }
        #expect(interleaved == sequences[2])
    }

    @Test("Different seeds give different sequences")
    func seedsDiffer() {
        let sequences = (1...5 as ClosedRange<UInt64>).map { sequence(BlockRandomizer(seed: $0), "7-11", count: 100) }
        #expect(Set(sequences.map { $0.map(\.rawValue) }).count == 5)
    }

    @Test("Golden blocks, from a Python implementation of the documented algorithm")
    func golden() {
        let randomizer = BlockRandomizer(seed: 0x5EED)
        func blocks(_ stratum: String) -> [[Int32]] { (0..<3).map { randomizer.block(stratum: stratum, blockIndex: $0).map(\.rawValue) } }
        #expect(blocks("0-6") == [[40, 40, 70, 70], [40, 70, 40, 70], [40, 70, 70, 40]])
        #expect(blocks("7-11") == [[70, 70, 40, 40], [70, 40, 70, 40], [70, 70, 40, 40]])
        let six = BlockRandomizer(seed: 42, blockSize: 6)
        #expect((0..<2).map { six.block(stratum: "15-17", blockIndex: $0).map(\.rawValue) }
            == [[70, 40, 40, 70, 70, 40], [70, 40, 40, 40, 70, 70]])
        #expect(randomizer.allocation(stratum: "7-11", index: 5) == .days40)  // block 1, position 1
    }

    @Test("SplitMix64 and FNV-1a match their reference values")
    func primitives() {
        var generator = SplitMix64(seed: 1_234_567)  // Vigna's splitmix64.c
        #expect((0..<5).map { _ in generator.next() }
            == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821])
        #expect(fnv1a64("".utf8) == 0xCBF2_9CE4_8422_2325)
        #expect(fnv1a64("a".utf8) == 0xAF63_DC4C_8601_EC8C)
        #expect(fnv1a64("foobar".utf8) == 0x8594_4171_F739_67E8)
        var bounded = SplitMix64(seed: 3)
        for bound in 1...50 as ClosedRange<UInt64> { #expect(bounded.next(below: bound) < bound) }
    }
}
