public import ServiceLifecycle

/// Runs a long-lived task (an event consumer, a periodic job) as a lifecycle `Service`.
///
/// The body should run until cancelled; graceful shutdown cancels it, so it must leave its store
/// consistent at any await (event consumers do: each event commits with its cursor).
public struct BackgroundService: Service {
    public let name: String
    let body: @Sendable () async -> Void

    public init(name: String, body: @escaping @Sendable () async -> Void) {
        self.name = name
        self.body = body
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await body()
        }
    }
}
