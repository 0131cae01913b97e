public import TiltsMessages
internal import TiltsRPC
internal import TiltsWire

/// Where the next page of a stably ordered list starts: the ordering key of the last item sent.
///
/// A list method orders its rows by a unique key (e.g. `received_at, id`), returns at most
/// ``pageSize(_:)`` rows, and hands the last row's key back as an opaque `next_page_token`
/// (base64url of a small protobuf). The token is bound to a `scope` (the method and its filters),
/// so a token from one query is refused by another. Tokens hold no personal data beyond the sort
/// key; use ids and timestamps as keys, not names.
///
/// ```swift
/// let (size, after) = try request.page.resolve(scope: "ListReferrals|\(municipality)|\(status)")
/// // SELECT … WHERE (received_at, id) > (after.after[0], after.after[1]) ORDER BY received_at, id LIMIT size + 1
/// let page = Page(fetched: rows, pageSize: size, scope: scope) { [String($0.receivedAt), $0.id] }
/// ```
///
/// A value type; safe from any thread.
public struct PageToken: Sendable, Hashable {
    /// The page size used when a request asks for 0.
    public static let defaultPageSize = 50
    /// The largest page returned; larger requests are clamped to it.
    public static let maximumPageSize = 500

    /// The ordering key of the last item of the previous page, one string per key column.
    public var after: [String]

    public init(after: [String]) {
        self.after = after
    }

    /// The opaque token text, bound to `scope`.
    public func encoded(scope: String) -> String {
        let cursor = PageCursor(version: PageCursor.currentVersion, scope: Self.fingerprint(scope), after: after)
        let text = Base64.encode(cursor.serializedBytes())
        return String(
            text.compactMap { character -> Character? in
                switch character {
                case "+": return "-"
                case "/": return "_"
                case "=": return nil
                default: return character
                }
            })
    }

    /// Decodes a request's `page_token`; nil when it is empty (the first page).
    ///
    /// - Throws: ``RPCError`` INVALID_ARGUMENT when the token is malformed or was issued for
    ///   another query (`scope` differs).
    public static func decode(_ text: String, scope: String) throws -> PageToken? {
        if text.isEmpty { return nil }
        let invalid = RPCError(
            code: .invalidArgument,
            message: "page_token is not valid for this request: pass the next_page_token of the previous page of the same query, or none for the first page")
        guard text.utf8.count <= 4096, let bytes = Base64.decode(text),
            let cursor = try? PageCursor(serializedBytes: bytes),
            cursor.version == PageCursor.currentVersion, cursor.scope == fingerprint(scope), !cursor.after.isEmpty
        else { throw invalid }
        return PageToken(after: cursor.after)
    }

    /// The page size for a request's `page_size`: 0 gives ``defaultPageSize``, more than
    /// ``maximumPageSize`` gives the maximum.
    ///
    /// - Throws: ``RPCError`` INVALID_ARGUMENT for a negative size.
    public static func pageSize(_ requested: Int32) throws -> Int {
        guard requested >= 0 else {
            throw RPCError(code: .invalidArgument, message: "page_size must not be negative")
        }
        if requested == 0 { return defaultPageSize }
        return min(Int(requested), maximumPageSize)
    }

    /// FNV-1a of the scope: enough to tell queries apart without putting filters in the token.
    static func fingerprint(_ scope: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in scope.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

extension PageRequest {
    /// The page size and starting point this request asks for, for the query named by `scope`.
    ///
    /// - Throws: ``RPCError`` INVALID_ARGUMENT for a negative size or an invalid token.
    public func resolve(scope: String) throws -> (size: Int, after: PageToken?) {
        (try PageToken.pageSize(pageSize), try PageToken.decode(pageToken, scope: scope))
    }
}

/// One page of a list: its items and the token for the next page ("" on the last page).
public struct Page<Item> {
    public var items: [Item]
    public var nextPageToken: String

    public init(items: [Item], nextPageToken: String) {
        self.items = items
        self.nextPageToken = nextPageToken
    }

    /// Builds a page from rows fetched with `LIMIT pageSize + 1`: the extra row, if present, only
    /// tells that there is a next page, whose token is the key of the last item kept.
    public init(fetched: [Item], pageSize: Int, scope: String, key: (Item) -> [String]) {
        if fetched.count > pageSize, let last = fetched.prefix(pageSize).last {
            items = Array(fetched.prefix(pageSize))
            nextPageToken = PageToken(after: key(last)).encoded(scope: scope)
        } else {
            items = fetched
            nextPageToken = ""
        }
    }
}

extension Page: Sendable where Item: Sendable {}

/// The token's encoded form. Field numbers are fixed once tokens are issued.
struct PageCursor: Message {
    static let currentVersion: UInt32 = 1

    var version: UInt32 = 0
    var scope: UInt64 = 0
    var after: [String] = []
    var unknownFields = UnknownFields()

    init() {}

    init(version: UInt32, scope: UInt64, after: [String]) {
        self.version = version
        self.scope = scope
        self.after = after
    }

    static let protoMessageName = "tilts.store.PageCursor"
    static let fieldTable = FieldTable<Self>([
        .uint32(1, "version", \.version),
        .fixed64(2, "scope", \.scope),
        .repeated(3, "after", \.after, .string),
    ])
}
