internal import NIOCore
internal import TiltsRPC
#if canImport(Glibc)
internal import Glibc
#endif

/// Linux's `struct ucred` (SO_PEERCRED), which Glibc only exposes under _GNU_SOURCE.
private struct PeerCred: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}

/// Reads what the operating system proves about a connection's peer.
enum PeerCredentials {
    /// The peer identity of a freshly accepted channel: SO_PEERCRED on Unix sockets, the remote
    /// address on TCP (certificate fields are filled in later, after the TLS handshake).
    static func identity(of channel: any Channel, listener: GRPCServer.Listener) -> EventLoopFuture<PeerIdentity> {
        switch listener {
        case .unixSocket(let path, _):
            return unixIdentity(channel, path: path)
        case .inheritedSocket:
            if case .unixDomainSocket = channel.localAddress {
                return unixIdentity(channel, path: channel.localAddress?.pathname ?? "")
            }
            return channel.eventLoop.makeSucceededFuture(tcpIdentity(channel))
        case .tcp, .tls:
            return channel.eventLoop.makeSucceededFuture(tcpIdentity(channel))
        }
    }

    private static func tcpIdentity(_ channel: any Channel) -> PeerIdentity {
        PeerIdentity(endpoint: .tcp(address: channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"))
    }

    private static func unixIdentity(_ channel: any Channel, path: String) -> EventLoopFuture<PeerIdentity> {
        #if canImport(Glibc)
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(PeerIdentity(endpoint: .unixSocket(path: path)))
        }
        let future: EventLoopFuture<PeerCred> = provider.unsafeGetSocketOption(
            level: .socket, name: NIOBSDSocket.Option(rawValue: SO_PEERCRED))
        return future.map { cred in
            PeerIdentity(endpoint: .unixSocket(path: path), uid: cred.uid, gid: cred.gid, pid: cred.pid)
        }.recover { _ in
            PeerIdentity(endpoint: .unixSocket(path: path))
        }
        #else
        return channel.eventLoop.makeSucceededFuture(PeerIdentity(endpoint: .unixSocket(path: path)))
        #endif
    }
}
