internal import TiltsMessages
internal import TiltsRPC

/// A caller the gateway has authenticated: the principal it forwards, and that principal encoded.
struct Caller: Sendable {
    var principal: Principal
    /// `principal` protobuf-encoded, for metadata `tilts-principal-bin`.
    var principalBytes: [UInt8]

    init(principal: Principal, principalBytes: [UInt8]? = nil) {
        self.principal = principal
        self.principalBytes = principalBytes ?? principal.serializedBytes()
    }
}

/// Proves who is calling, from what the connection and the call carry.
///
/// In order:
/// 1. a verified mTLS client certificate whose subject is listed in `client_principals`;
/// 2. `authorization: Bearer <token>`, checked against the token store (hash, expiry, revocation);
/// 3. on the gateway's local Unix socket, a peer process whose uid is in `admin_uids`: the local
///    OPERATOR principal (`uid:<n>`), for token administration and audit.
///
/// A verified certificate that is not listed, a malformed or unusable token, and a call with none
/// of these fail with UNAUTHENTICATED. Thread-safe.
final class Authenticator: Sendable {
    let tokens: TokenStore
    let certificates: ClientCertificatePrincipals
    let adminUIDs: Set<UInt32>

    init(tokens: TokenStore, certificates: ClientCertificatePrincipals, adminUIDs: Set<UInt32>) {
        self.tokens = tokens
        self.certificates = certificates
        self.adminUIDs = adminUIDs
    }

    func authenticate(_ context: ServerContext) async -> Result<Caller, RPCError> {
        let token: String?
        do {
            token = try BearerToken.presented(in: context.metadata)
        } catch {
            return .failure(RPCError.from(error))
        }
        if let subject = context.peer.certificateSubject {
            if let entry = certificates.principal(forSubject: subject) {
                return .success(Caller(principal: entry.principal, principalBytes: entry.principalBytes))
            }
            if token == nil {
                return .failure(RPCError(
                    code: .unauthenticated,
                    message: "the client certificate is not registered with the gateway; ask the centre to register it or use a bearer token"))
            }
        }
        if let token {
            do {
                guard let resolved = try await tokens.resolve(token: token) else {
                    return .failure(RPCError(code: .unauthenticated, message: "the bearer token is unknown, expired or revoked"))
                }
                return .success(Caller(principal: resolved.principal, principalBytes: resolved.principalBytes))
            } catch {
                return .failure(RPCError(code: .unavailable, message: "the gateway could not check the credentials; retry", cause: error))
            }
        }
        if case .unixSocket = context.peer.endpoint, let uid = context.peer.uid, adminUIDs.contains(uid) {
            return .success(Caller(principal: Self.localOperator(uid: uid)))
        }
        return .failure(RPCError(
            code: .unauthenticated,
            message: "the call carries no credentials: present a registered client certificate or 'authorization: Bearer <token>'"))
    }

    /// The principal of an administrator on the local socket.
    static func localOperator(uid: UInt32) -> Principal {
        Principal(institution: .operator, displayName: "local operator", roles: [], subject: "uid:\(uid)")
    }
}
