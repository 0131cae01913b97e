internal import NIOCore
internal import NIOPosix
internal import TiltsRPC
internal import TiltsTransport

/// One service the gateway routes to: persistent multiplexed HTTP/2 connections to its socket.
///
/// There is one ``GRPCClientConnection`` per event loop of the gateway, so a call proxied on a
/// loop goes out on a connection of the same loop and never hops threads. Connections open on
/// first use and reopen after they drop. Thread-safe.
final class Upstream: Sendable {
    /// The upstream's short name (`referral`), used in messages and health.
    let name: String
    /// The gRPC service it serves, e.g. `tilts.referral.v1.ReferralService`.
    let serviceName: String
    let target: GRPCClientConnection.Target
    private let connections: [(loop: any EventLoop, connection: GRPCClientConnection)]

    /// - Throws: ``TransportError`` when the target's TLS files do not load.
    init(
        name: String, serviceName: String, target: GRPCClientConnection.Target, config: GRPCClientConnection.Config,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws {
        self.name = name
        self.serviceName = serviceName
        self.target = target
        var connections: [(loop: any EventLoop, connection: GRPCClientConnection)] = []
        for loop in group.makeIterator() {
            connections.append((loop, try GRPCClientConnection(target: target, config: config, group: loop)))
        }
        self.connections = connections
    }

    /// The connection on the calling thread's event loop, else the first.
    var connection: GRPCClientConnection {
        for entry in connections where entry.loop.inEventLoop {
            return entry.connection
        }
        return connections[0].connection
    }

    func close() async {
        for entry in connections { await entry.connection.close() }
    }
}
