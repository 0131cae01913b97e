import GRDB
import Testing
import TiltsStore

@Suite struct RecordCacheTests {
    @Test func fillsAndServesFromMemory() async throws {
        let cache = RecordCache<String>(capacity: 2)
        var loads = 0
        for _ in 0..<3 {
            let value = await cache.value(for: "a") { loads += 1; return "A" }
            #expect(value == "A")
        }
        #expect(loads == 1)
    }

    @Test func evictsTheOldestFill() async {
        let cache = RecordCache<String>(capacity: 2)
        _ = await cache.value(for: "a") { "A" }
        _ = await cache.value(for: "b") { "B" }
        _ = await cache.value(for: "c") { "C" }
        #expect(cache.count == 2)
        var reloaded = false
        _ = await cache.value(for: "a") { reloaded = true; return "A" }
        #expect(reloaded)
    }

    @Test func aFillThatRacedAnInvalidationIsNotStored() async {
        let cache = RecordCache<String>(capacity: 4)
        let value = await cache.value(for: "a") {
            cache.invalidate("a")  // a write committed while this reader was loading
            return "stale"
        }
        #expect(value == "stale")
        #expect(cache.count == 0)
    }

    @Test func invalidationWaitsForTheCommitAndSkipsRollbacks() async throws {
        let database = try ServiceDatabase.temporary()
        let cache = RecordCache<String>(capacity: 4)
        _ = await cache.value(for: "a") { "A" }
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await database.write { db in
                cache.invalidateAfterCommit("a", db)
                throw Boom()
            }
        }
        // The failed write's savepoint rolled back, but it shared a committed transaction, so the
        // key may be dropped; it must never be kept stale after a real commit:
        try await database.write { db in cache.invalidateAfterCommit("a", db) }
        var reloaded = false
        _ = await cache.value(for: "a") { reloaded = true; return "A2" }
        #expect(reloaded)
    }
}
