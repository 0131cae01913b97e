/// What a server handler knows about the call it serves, fixed when the call starts.
public struct ServerContext: Sendable {
    /// The method called.
    public var descriptor: MethodDescriptor
    /// The client's metadata (reserved gRPC headers removed).
    public var metadata: Metadata
    /// When the client stops waiting, if it set a deadline.
    public var deadline: ContinuousClock.Instant?
    /// Who is on the other end of the connection.
    public var peer: PeerIdentity

    public init(descriptor: MethodDescriptor, metadata: Metadata, deadline: ContinuousClock.Instant?, peer: PeerIdentity) {
        self.descriptor = descriptor
        self.metadata = metadata
        self.deadline = deadline
        self.peer = peer
    }
}

/// The transport-level identity of a caller: what the connection itself proves.
///
/// For a Unix socket this is the peer process's credentials (SO_PEERCRED); for TLS with client
/// certificates it is the verified certificate subject. The gateway maps these to a principal.
public struct PeerIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The connection's kind and address.
    public enum Endpoint: Sendable, Hashable {
        case unixSocket(path: String)
        case tcp(address: String)
        case inProcess
    }

    public var endpoint: Endpoint
    /// Peer process credentials on a Unix socket.
    public var uid: UInt32?
    public var gid: UInt32?
    public var pid: Int32?
    /// The verified client certificate's subject (RFC 2253) and common name, on mTLS.
    public var certificateSubject: String?
    public var certificateCommonName: String?

    public init(
        endpoint: Endpoint, uid: UInt32? = nil, gid: UInt32? = nil, pid: Int32? = nil,
        certificateSubject: String? = nil, certificateCommonName: String? = nil
    ) {
        self.endpoint = endpoint
        self.uid = uid
        self.gid = gid
        self.pid = pid
        self.certificateSubject = certificateSubject
        self.certificateCommonName = certificateCommonName
    }

    public var description: String {
        switch endpoint {
        case .unixSocket(let path): return "unix:\(path)" + (uid.map { " uid=\($0)" } ?? "")
        case .tcp(let address): return "tcp:\(address)" + (certificateCommonName.map { " cn=\($0)" } ?? "")
        case .inProcess: return "in-process"
        }
    }
}
