public import TiltsRPC
public import TiltsMessages

/// `grpc.health.v1.Health`: Check and Watch, answered from a ``HealthStatusRegistry``.
///
/// Every Tilts process serves it, so stock probes (`grpc_health_probe`, Kubernetes gRPC probes)
/// work unchanged. Check on an unknown service gives NOT_FOUND, as the protocol asks; Watch sends
/// SERVICE_UNKNOWN and waits.
public struct HealthService: RPCService {
    /// Method names of `grpc.health.v1.Health`.
    public enum Method {
        public static let check = MethodDescriptor(service: "grpc.health.v1.Health", method: "Check")
        public static let watch = MethodDescriptor(service: "grpc.health.v1.Health", method: "Watch")
    }

    public let registry: HealthStatusRegistry

    public init(registry: HealthStatusRegistry) {
        self.registry = registry
    }

    public var methods: [ServerMethod] {
        let registry = registry
        return [
            .unary(Method.check) { (request: HealthCheckRequest, _) -> HealthCheckResponse in
                guard let status = registry.status(of: request.service) else {
                    throw RPCError(code: .notFound, message: "unknown service '\(request.service)'")
                }
                return HealthCheckResponse(status: status)
            },
            .serverStreaming(Method.watch) { (request: HealthCheckRequest, _, writer: ResponseWriter<HealthCheckResponse>) in
                for await status in registry.watch(request.service) {
                    try await writer.write(HealthCheckResponse(status: status))
                }
            },
        ]
    }
}

/// A typed client for `grpc.health.v1.Health`.
public struct HealthClient: Sendable {
    public let client: RPCClient

    public init(client: RPCClient) {
        self.client = client
    }

    /// Asks for one service's status ("" for the whole process).
    public func check(service: String = "", timeout: Duration? = nil) async throws -> HealthCheckResponse.ServingStatus {
        let response: HealthCheckResponse = try await client.unary(
            HealthService.Method.check, request: HealthCheckRequest(service: service), timeout: timeout)
        return response.status
    }
}
