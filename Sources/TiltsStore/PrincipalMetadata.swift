public import TiltsMessages
public import TiltsRPC
internal import TiltsWire

/// The verified caller the gateway forwards to services in metadata `tilts-principal-bin`, a
/// protobuf-encoded ``Principal``.
///
/// The gateway authenticates (mTLS certificate or bearer token) and adds it with
/// ``metadata(for:)``; services read it with ``principal(of:)``. A service trusts it only from a
/// connection that itself proves who is calling: its Unix socket (file mode 0660 and peer
/// credentials, checked by the transport) or mutual TLS between hosts. Stateless; use anywhere.
public enum PrincipalMetadata {
    /// The metadata key.
    public static let key = "tilts-principal-bin"

    /// Metadata that carries `principal`, for the gateway and for event consumers.
    public static func metadata(for principal: Principal) -> Metadata {
        var metadata = Metadata()
        metadata.add(key, principal.serializedBytes())
        return metadata
    }

    /// The call's principal.
    ///
    /// - Throws: ``RPCError`` UNAUTHENTICATED when the metadata is missing or undecodable, names
    ///   no institution, or arrived over a connection that cannot vouch for it (plain TCP).
    public static func principal(of call: ServerCall) throws -> Principal {
        switch call.context.peer.endpoint {
        case .unixSocket, .inProcess:
            break
        case .tcp:
            guard call.context.peer.certificateSubject != nil else {
                throw RPCError(
                    code: .unauthenticated,
                    message: "this service accepts calls only through the Tilts gateway (its Unix socket or mutual TLS)")
            }
        }
        return try principal(in: call.metadata)
    }

    /// The principal carried by `metadata`, without checking the connection it came over.
    ///
    /// - Throws: ``RPCError`` UNAUTHENTICATED as ``principal(of:)``.
    public static func principal(in metadata: Metadata) throws -> Principal {
        guard let bytes = metadata.firstBinary(key) else {
            throw RPCError(
                code: .unauthenticated,
                message: "the call carries no verified caller: call this service through the Tilts gateway, which authenticates you")
        }
        let principal: Principal
        do {
            principal = try Principal(serializedBytes: bytes)
        } catch {
            throw RPCError(code: .unauthenticated, message: "the forwarded caller identity could not be read")
        }
        guard principal.institution != .unspecified else {
            throw RPCError(code: .unauthenticated, message: "the forwarded caller identity names no institution")
        }
        return principal
    }
}
