internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

@Suite("PageToken and Page")
struct PageTokenTests {
    @Test("A token round-trips within its scope and is URL-safe")
    func roundTrip() throws {
        let token = PageToken(after: ["1767225600", "0b7c9a4e-7f6e-4b8e-9a55-3c1f2d7e8a90"])
        let text = token.encoded(scope: "ListReferrals|riga")
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(try PageToken.decode(text, scope: "ListReferrals|riga") == token)
    }

    @Test("Empty is the first page")
    func empty() throws {
        #expect(try PageToken.decode("", scope: "x") == nil)
    }

    @Test("Malformed tokens and tokens of another query are INVALID_ARGUMENT", arguments: ["%%%", "AAAA", "not a token", "CAE"])
    func invalid(_ text: String) {
        let error = #expect(throws: RPCError.self) { try PageToken.decode(text, scope: "ListReferrals|riga") }
        #expect(error?.code == .invalidArgument)
    }

    @Test("A token from another scope is refused")
    func otherScope() {
        let text = PageToken(after: ["a"]).encoded(scope: "ListReferrals|riga")
        let error = #expect(throws: RPCError.self) { try PageToken.decode(text, scope: "ListReferrals|jelgava") }
        #expect(error?.code == .invalidArgument)
    }

    @Test("Page sizes: 0 is the default, large is clamped, negative is refused")
    func sizes() throws {
        #expect(try PageToken.pageSize(0) == 50)
        #expect(try PageToken.pageSize(7) == 7)
        #expect(try PageToken.pageSize(10_000) == 500)
        #expect(throws: RPCError.self) { try PageToken.pageSize(-1) }
        let (size, after) = try PageRequest(pageSize: 20).resolve(scope: "s")
        #expect(size == 20 && after == nil)
    }

    @Test("Page walks a stable ordering without gaps or repeats")
    func paging() throws {
        let rows = (1...23).map { "id-\($0 < 10 ? "0" : "")\($0)" }
        var seen: [String] = []
        var request = PageRequest(pageSize: 10)
        for _ in 0..<5 {
            let (size, after) = try request.resolve(scope: "ListX")
            let fetched = rows.filter { after == nil || $0 > after!.after[0] }.prefix(size + 1)
            let page = Page(fetched: Array(fetched), pageSize: size, scope: "ListX") { [$0] }
            seen += page.items
            if page.nextPageToken.isEmpty { break }
            request.pageToken = page.nextPageToken
        }
        #expect(seen == rows)
    }
}
