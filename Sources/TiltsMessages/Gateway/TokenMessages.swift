public import TiltsWire

/// `tilts.gateway.v1.TokenInfo`: a bearer token's metadata (never the token itself).
///
/// A value type; safe from any thread.
public struct TokenInfo: Message {
    public var tokenID: String = ""
    public var institution: InstitutionKind = .unspecified
    public var municipality: String = ""
    public var displayName: String = ""
    public var roles: [String] = []
    public var createdAt: Timestamp?
    public var expiresAt: Timestamp?
    /// Set once revoked.
    public var revokedAt: Timestamp?
    /// The subject of whoever issued it (`uid:<n>` for the local operator, `bootstrap` for the CLI).
    public var createdBy: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.gateway.v1.TokenInfo"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "token_id", \.tokenID),
        .enum(2, "institution", \.institution),
        .string(3, "municipality", \.municipality),
        .string(4, "display_name", \.displayName),
        .repeated(5, "roles", \.roles, .string),
        .message(6, "created_at", \.createdAt),
        .message(7, "expires_at", \.expiresAt),
        .message(8, "revoked_at", \.revokedAt),
        .string(9, "created_by", \.createdBy),
    ])
}

/// `tilts.gateway.v1.IssueTokenRequest`: who the new token speaks for, and for how long.
public struct IssueTokenRequest: Message {
    public var institution: InstitutionKind = .unspecified
    /// Required for SOCIAL_SERVICE and ORPHANS_COURT.
    public var municipality: String = ""
    public var displayName: String = ""
    public var roles: [String] = []
    /// Lifetime; 0 gives the gateway's default.
    public var ttlSeconds: Int64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(institution: InstitutionKind, municipality: String = "", displayName: String = "", roles: [String] = [],
                ttlSeconds: Int64 = 0) {
        self.institution = institution
        self.municipality = municipality
        self.displayName = displayName
        self.roles = roles
        self.ttlSeconds = ttlSeconds
    }

    public static let protoMessageName = "tilts.gateway.v1.IssueTokenRequest"
    public static let fieldTable = FieldTable<Self>([
        .enum(1, "institution", \.institution),
        .string(2, "municipality", \.municipality),
        .string(3, "display_name", \.displayName),
        .repeated(4, "roles", \.roles, .string),
        .int64(5, "ttl_seconds", \.ttlSeconds),
    ])
}

/// `tilts.gateway.v1.IssueTokenResponse`: the token, shown this once, and its metadata.
public struct IssueTokenResponse: Message {
    /// Send as `authorization: Bearer <token>`.
    public var token: String = ""
    public var info: TokenInfo?
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.gateway.v1.IssueTokenResponse"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "token", \.token),
        .message(2, "info", \.info),
    ])
}

/// `tilts.gateway.v1.RevokeTokenRequest`.
public struct RevokeTokenRequest: Message {
    public var tokenID: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(tokenID: String) { self.tokenID = tokenID }

    public static let protoMessageName = "tilts.gateway.v1.RevokeTokenRequest"
    public static let fieldTable = FieldTable<Self>([
        .string(1, "token_id", \.tokenID),
    ])
}

/// `tilts.gateway.v1.ListTokensRequest`.
public struct ListTokensRequest: Message {
    public var includeRevoked: Bool = false
    public var pageSize: Int32 = 0
    public var pageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(includeRevoked: Bool = false, pageSize: Int32 = 0, pageToken: String = "") {
        self.includeRevoked = includeRevoked
        self.pageSize = pageSize
        self.pageToken = pageToken
    }

    public static let protoMessageName = "tilts.gateway.v1.ListTokensRequest"
    public static let fieldTable = FieldTable<Self>([
        .bool(1, "include_revoked", \.includeRevoked),
        .int32(2, "page_size", \.pageSize),
        .string(3, "page_token", \.pageToken),
    ])
}

/// `tilts.gateway.v1.ListTokensResponse`.
public struct ListTokensResponse: Message {
    public var tokens: [TokenInfo] = []
    public var nextPageToken: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public static let protoMessageName = "tilts.gateway.v1.ListTokensResponse"
    public static let fieldTable = FieldTable<Self>([
        .repeated(1, "tokens", \.tokens, .message),
        .string(2, "next_page_token", \.nextPageToken),
    ])
}
