public import TiltsWire

/// `tilts.gateway.v1.QueryAuditRequest`: audit entries matching every given filter.
///
/// A value type; safe from any thread.
public struct QueryAuditRequest: Message {
    /// Entries concerning any of these records (e.g. a referral id and its case id).
    public var recordIDs: [String] = []
    /// Entries of this caller subject.
    public var subject: String = ""
    /// Entries at or after `from` and before `to`.
    public var from: Timestamp?
    public var to: Timestamp?
    public var pageSize: Int32 = 0
    public var pageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(recordIDs: [String] = [], subject: String = "", from: Timestamp? = nil, to: Timestamp? = nil,
                pageSize: Int32 = 0, pageToken: String = "") {
        self.recordIDs = recordIDs
        self.subject = subject
        self.from = from
        self.to = to
        self.pageSize = pageSize
        self.pageToken = pageToken
    }

    public static let protoMessageName = "tilts.gateway.v1.QueryAuditRequest"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "record_ids", \.recordIDs, .string),
        .string(2, "subject", \.subject),
        .message(3, "from", \.from),
        .message(4, "to", \.to),
        .int32(5, "page_size", \.pageSize),
        .string(6, "page_token", \.pageToken),
    ])
}

/// `tilts.gateway.v1.QueryAuditResponse`: one page of audit entries, oldest first.
public struct QueryAuditResponse: Message {
    public var entries: [AuditEntry] = []
    public var nextPageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.gateway.v1.QueryAuditResponse"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "entries", \.entries, .message),
        .string(2, "next_page_token", \.nextPageToken),
    ])
}

/// `tilts.gateway.v1.VerifyAuditChainRequest`: no fields.
public struct VerifyAuditChainRequest: Message {
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.gateway.v1.VerifyAuditChainRequest"
    public static let fieldTable = FieldTable<Self>([])
}

/// `tilts.gateway.v1.VerifyAuditChainResponse`: whether the chain is intact, and where it breaks.
public struct VerifyAuditChainResponse: Message {
    public var intact: Bool = false
    public var entriesChecked: Int64 = 0
    /// The first entry that does not match (0 when intact).
    public var firstBrokenSequence: Int64 = 0
    public var problem: String = ""
    /// The newest entry and its hash, to note for detecting later truncation.
    public var lastSequence: Int64 = 0
    public var headHash: [UInt8] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.gateway.v1.VerifyAuditChainResponse"
    public static let fieldTable = FieldTable<Self>([
        .bool(1, "intact", \.intact),
        .int64(2, "entries_checked", \.entriesChecked),
        .int64(3, "first_broken_sequence", \.firstBrokenSequence),
        .string(4, "problem", \.problem),
        .int64(5, "last_sequence", \.lastSequence),
        .bytes(6, "head_hash", \.headHash),
    ])
}
