internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// Lifetimes of issued tokens (config `token_ttl_days`, `token_max_ttl_days`) and the checks every
/// issue request passes, for AdminService and the bootstrap CLI alike.
struct TokenSettings: Sendable {
    var defaultTTLSeconds: Int64 = 90 * 86_400
    var maximumTTLSeconds: Int64 = 366 * 86_400

    /// The request's lifetime in seconds.
    /// - Throws: ``RPCError`` INVALID_ARGUMENT naming each field that is wrong.
    func validate(_ request: IssueTokenRequest) throws -> Int64 {
        var violations = FieldViolations()
        violations.require(
            request.institution != .unspecified && InstitutionKind.nameTable.contains { $0.0 == request.institution.rawValue },
            "institution", "is required")
        violations.require(
            request.institution != .operator, "institution",
            "OPERATOR is the gateway's local socket only and cannot be given to a token")
        if AccessRules.municipalKinds.contains(request.institution) {
            violations.require(
                GatewaySettings.isCode(request.municipality), "municipality",
                "is required for SOCIAL_SERVICE and ORPHANS_COURT (a lower-case code such as riga)")
        } else {
            violations.require(
                request.municipality.isEmpty || GatewaySettings.isCode(request.municipality), "municipality",
                "must be a lower-case code such as riga")
        }
        violations.require(request.displayName.count <= 200, "display_name", "at most 200 characters")
        violations.require(request.roles.allSatisfy(GatewaySettings.isCode), "roles", "each role is a lower-case code such as dpo")
        violations.require(request.ttlSeconds >= 0, "ttl_seconds", "must not be negative")
        violations.require(
            request.ttlSeconds <= maximumTTLSeconds, "ttl_seconds", "at most \(maximumTTLSeconds) seconds (token_max_ttl_days)")
        try violations.check()
        return request.ttlSeconds == 0 ? defaultTTLSeconds : request.ttlSeconds
    }
}

