internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// `tilts.gateway.v1.AdminService`: bearer tokens, for the local operator.
///
/// The policy table serves it only on the gateway's Unix socket to the OPERATOR principal. Tokens
/// cannot carry OPERATOR (that principal belongs to the local socket alone).
struct AdminHandlers: RPCService {
    let tokens: TokenStore
    let settings: TokenSettings

    static func method(_ name: String) -> MethodDescriptor {
        MethodDescriptor(service: GatewayAPI.adminServiceName, method: name)
    }

    var methods: [ServerMethod] {
        [
            .unary(Self.method("IssueToken"), issueToken),
            .unary(Self.method("RevokeToken"), revokeToken),
            .unary(Self.method("ListTokens"), listTokens),
        ]
    }

    @Sendable func issueToken(_ request: IssueTokenRequest, _ call: ServerCall) async throws -> IssueTokenResponse {
        let principal = try PrincipalMetadata.principal(in: call.metadata)
        let ttl = try settings.validate(request)
        let (token, record) = try await tokens.issue(request, ttlSeconds: ttl, createdBy: principal.subject)
        Self.tag(call, record.tokenID)
        var response = IssueTokenResponse()
        response.token = token
        response.info = record.info
        return response
    }

    @Sendable func revokeToken(_ request: RevokeTokenRequest, _ call: ServerCall) async throws -> TokenInfo {
        guard !request.tokenID.isEmpty else {
            throw RPCError(code: .invalidArgument, message: "invalid request: token_id: is required")
        }
        Self.tag(call, request.tokenID)
        guard let record = try await tokens.revoke(tokenID: request.tokenID) else {
            throw RPCError(code: .notFound, message: "no token has id \(request.tokenID)")
        }
        return record.info
    }

    /// Names the token in the call's audit entry.
    static func tag(_ call: ServerCall, _ tokenID: String) {
        var metadata = Metadata()
        metadata.add(ForwardedHeaders.recordIDKey, tokenID)
        call.setInitialMetadata(metadata)
    }

    @Sendable func listTokens(_ request: ListTokensRequest, _ call: ServerCall) async throws -> ListTokensResponse {
        let scope = "ListTokens|\(request.includeRevoked)"
        let size = try PageToken.pageSize(request.pageSize)
        let after = try PageToken.decode(request.pageToken, scope: scope)
        let rows = try await tokens.list(includeRevoked: request.includeRevoked, pageSize: size, after: after)
        let page = Page(fetched: rows, pageSize: size, scope: scope) { [String($0.createdAtMicros), $0.tokenID] }
        var response = ListTokensResponse()
        response.tokens = page.items.map(\.info)
        response.nextPageToken = page.nextPageToken
        return response
    }
}
