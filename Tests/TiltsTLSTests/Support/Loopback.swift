internal import NIOCore
internal import NIOPosix
internal import TiltsTLS

/// Real TCP connections on 127.0.0.1 with our handler on either end.
enum Loopback {
    static var group: MultiThreadedEventLoopGroup { .singleton }

    /// A TLS server whose first accepted connection reports to `events`.
    static func startServer(
        context: TLSContext,
        mode: TLSEventRecorder.Mode = .echo,
        events: ConnectionEvents
    ) async throws -> any Channel {
        try await ServerBootstrap(group: self.group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(OpenSSLHandler.server(context: context))
                    try channel.pipeline.syncOperations.addHandler(TLSEventRecorder(mode: mode, events: events))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    /// A plain TCP server (no TLS) whose first connection reports to `events`.
    static func startPlainServer(events: ConnectionEvents) async throws -> any Channel {
        try await ServerBootstrap(group: self.group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TLSEventRecorder(mode: .echo, events: events))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    /// A TLS client connected to `port`.
    static func connect(
        port: Int,
        context: TLSContext,
        serverHostname: String? = "localhost",
        mode: TLSEventRecorder.Mode,
        events: ConnectionEvents
    ) async throws -> any Channel {
        try await ClientBootstrap(group: self.group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        OpenSSLHandler.client(context: context, serverHostname: serverHostname)
                    )
                    try channel.pipeline.syncOperations.addHandler(TLSEventRecorder(mode: mode, events: events))
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
    }

    /// A plain TCP client (no TLS).
    static func connectPlain(port: Int, events: ConnectionEvents) async throws -> any Channel {
        try await ClientBootstrap(group: self.group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        TLSEventRecorder(mode: .collect(expectedBytes: .max), events: events)
                    )
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
    }

    static func events() -> ConnectionEvents {
        ConnectionEvents(on: self.group.next())
    }
}

extension Channel {
    var port: Int { self.localAddress?.port ?? 0 }
}
