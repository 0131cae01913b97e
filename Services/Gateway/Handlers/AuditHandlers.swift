internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// `tilts.gateway.v1.AuditService`: the audit log for the data protection officer.
///
/// Who may call is decided by the policy table before these run (``GatedService``). A query by
/// record ids is itself an access to those records' history, so it names them in its own
/// `tilts-record-id` header and lands in the audit log too.
struct AuditHandlers: RPCService {
    let store: AuditStore
    let log: AuditLog

    static func method(_ name: String) -> MethodDescriptor {
        MethodDescriptor(service: GatewayAPI.auditServiceName, method: name)
    }

    var methods: [ServerMethod] {
        [
            .unary(Self.method("QueryAudit"), queryAudit),
            .unary(Self.method("VerifyAuditChain"), verifyAuditChain),
        ]
    }

    @Sendable func queryAudit(_ request: QueryAuditRequest, _ call: ServerCall) async throws -> QueryAuditResponse {
        var violations = FieldViolations()
        violations.require(request.recordIDs.count <= 100, "record_ids", "at most 100 ids")
        violations.require(request.from?.isValid ?? true, "from", "must be a valid timestamp")
        violations.require(request.to?.isValid ?? true, "to", "must be a valid timestamp")
        try violations.check()
        let filter = AuditStore.Filter(
            recordIDs: request.recordIDs, subject: request.subject, fromMicros: request.from?.micros,
            toMicros: request.to?.micros)
        let size = try PageToken.pageSize(request.pageSize)
        let after = try PageToken.decode(request.pageToken, scope: filter.scope).flatMap { $0.after.first.flatMap { Int64($0) } } ?? 0
        if !request.recordIDs.isEmpty {
            var metadata = Metadata()
            metadata.add(ForwardedHeaders.recordIDKey, request.recordIDs.joined(separator: ","))
            call.setInitialMetadata(metadata)
        }
        // Entries still queued belong in the answer: "every access" includes the last second's.
        await log.flush()
        let rows = try await store.query(filter, pageSize: size, afterSequence: after)
        let page = Page(fetched: rows, pageSize: size, scope: filter.scope) { [String($0.seq)] }
        var response = QueryAuditResponse()
        response.entries = page.items.map(\.entry)
        response.nextPageToken = page.nextPageToken
        return response
    }

    @Sendable func verifyAuditChain(_ request: VerifyAuditChainRequest, _ call: ServerCall) async throws -> VerifyAuditChainResponse {
        await log.flush()
        return try await store.verify(head: log.head)
    }
}
