import Foundation
import NIOPosix
import TiltsHealth
import TiltsInterop
import TiltsRPC
import TiltsTransport

/// A real server on a temporary Unix socket, with the interop TestService and health, and a client
/// connected to it.
struct TestServer {
    let server: GRPCServer
    let connection: GRPCClientConnection
    let client: RPCClient
    let socketPath: String

    static func start(configure: (inout GRPCServer.Config) -> Void = { _ in }) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tilts-t-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("s.sock").path
        let health = HealthStatusRegistry()
        health.set("", .serving)
        let server = GRPCServer(
            config: .defaults {
                $0.listeners = [.unixSocket(path: path)]
                configure(&$0)
            },
            services: [TestService(), HealthService(registry: health)])
        try await server.start()
        let connection = try GRPCClientConnection(target: .unixSocket(path: path))
        return TestServer(server: server, connection: connection, client: RPCClient(transport: connection), socketPath: path)
    }

    func stop() async {
        await connection.close()
        server.beginGracefulShutdown()
        await server.waitUntilStopped()
    }
}
