internal import Foundation
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsTransport

/// A tiny service whose WatchEvents serves a database's outbox, as every Tilts service does.
struct EventTestService: RPCService {
    static let watchEvents = MethodDescriptor(service: "tilts.test.v1.EventTestService", method: "WatchEvents")

    let database: ServiceDatabase

    var methods: [ServerMethod] {
        let database = database
        return [
            ServerMethod.serverStreaming(Self.watchEvents) {
                (request: WatchEventsRequest, call: ServerCall, writer: ResponseWriter<Event>) in
                _ = try PrincipalMetadata.principal(of: call)
                try await EventStreamer.serve(request, database: database, writer: writer)
            }
        ]
    }
}

/// A real GRPCServer on a temporary Unix socket serving ``EventTestService``; restartable on the
/// same path.
final class EventTestServer: Sendable {
    let socketPath: String
    let database: ServiceDatabase
    private let server: GRPCServer

    private init(socketPath: String, database: ServiceDatabase, server: GRPCServer) {
        self.socketPath = socketPath
        self.database = database
        self.server = server
    }

    static func start(database: ServiceDatabase, socketPath: String? = nil) async throws -> EventTestServer {
        let path = try socketPath ?? {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tilts-s-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return directory.appendingPathComponent("s.sock").path
        }()
        let server = GRPCServer(
            config: .defaults {
                $0.listeners = [.unixSocket(path: path)]
                $0.shutdownGracePeriod = .milliseconds(300)
            },
            services: [EventTestService(database: database)])
        try await server.start()
        return EventTestServer(socketPath: path, database: database, server: server)
    }

    /// Graceful stop; open WatchEvents streams are cut when the grace period ends.
    func stop() async {
        server.beginGracefulShutdown()
        await server.waitUntilStopped()
    }

    /// A server on the same socket and database (the "restarted" service).
    func restarted() async throws -> EventTestServer {
        try await EventTestServer.start(database: database, socketPath: socketPath)
    }

    static let principal = Principal(institution: .centre, subject: "store-tests")
}
