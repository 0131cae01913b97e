internal import Foundation
internal import GRDB
internal import TiltsMessages
internal import TiltsWire

/// One row of `gateway_token`: a bearer token's hash and the principal it speaks for.
struct TokenRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "gateway_token"

    var tokenID: String
    /// SHA-256 of the token.
    var hash: Data
    var institution: Int32
    var municipality: String
    var displayName: String
    /// Comma-separated.
    var roles: String
    var createdAtMicros: Int64
    var expiresAtMicros: Int64
    var revokedAtMicros: Int64?
    var createdBy: String

    enum CodingKeys: String, CodingKey {
        case tokenID = "token_id", hash, institution, municipality, displayName = "display_name", roles
        case createdAtMicros = "created_at_micros", expiresAtMicros = "expires_at_micros"
        case revokedAtMicros = "revoked_at_micros", createdBy = "created_by"
    }

    enum Columns {
        static let tokenID = Column(CodingKeys.tokenID)
        static let hash = Column(CodingKeys.hash)
        static let createdAtMicros = Column(CodingKeys.createdAtMicros)
        static let revokedAtMicros = Column(CodingKeys.revokedAtMicros)
    }

    /// The audit subject of calls made with this token.
    var subject: String { "token:\(tokenID)" }

    var roleList: [String] { roles.split(separator: ",").map(String.init) }

    /// Whether the token may be used at `nowMicros`.
    func isUsable(atMicros nowMicros: Int64) -> Bool {
        revokedAtMicros == nil && nowMicros < expiresAtMicros
    }

    /// The principal forwarded for calls with this token.
    var principal: Principal {
        Principal(
            institution: InstitutionKind(rawValue: institution), municipality: municipality, displayName: displayName,
            roles: roleList, subject: subject)
    }

    var info: TokenInfo {
        var info = TokenInfo()
        info.tokenID = tokenID
        info.institution = InstitutionKind(rawValue: institution)
        info.municipality = municipality
        info.displayName = displayName
        info.roles = roleList
        info.createdAt = Timestamp(micros: createdAtMicros)
        info.expiresAt = Timestamp(micros: expiresAtMicros)
        info.revokedAt = revokedAtMicros.map(Timestamp.init(micros:))
        info.createdBy = createdBy
        return info
    }
}

extension Timestamp {
    /// The instant `micros` microseconds after the Unix epoch.
    init(micros: Int64) {
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        self.init(seconds: seconds, nanos: Int32((micros - seconds * 1_000_000) * 1000))
    }

    /// Microseconds after the Unix epoch.
    var micros: Int64 { seconds * 1_000_000 + Int64(nanos / 1000) }
}
