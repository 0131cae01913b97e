internal import ArgumentParser
internal import TiltsHealth
internal import TiltsServiceKit
internal import TiltsInterop
internal import TiltsTLS
internal import TiltsTransport
internal import ServiceLifecycle
internal import UnixSignals
internal import Logging

/// `tilts-interop-server`: grpc's standard `grpc.testing.TestService` on the Tilts runtime, so
/// stock gRPC clients can judge it with the standard interop cases. A test tool, not a product.
@main
struct InteropServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tilts-interop-server", abstract: "Serves grpc.testing.TestService for interop tests.")

    @Option(help: "TCP port on 127.0.0.1 (cleartext h2c, or TLS with --tls-cert).") var port: Int?
    @Option(help: "Unix socket path.") var socket: String?
    @Option(help: "TLS certificate chain (PEM).") var tlsCert: String?
    @Option(help: "TLS private key (PEM).") var tlsKey: String?
    @Option(help: "CA bundle for verifying client certificates.") var tlsClientCa: String?
    @Option(help: "Client certificate verification: none, optional, required.") var tlsClientAuth: String = "required"
    @Option(help: "Largest request message, in bytes.") var maxReceiveMessageSize: Int = 4 << 20

    func run() async throws {
        var listeners: [GRPCServer.Listener] = []
        if let socket { listeners.append(.unixSocket(path: socket)) }
        if let port {
            if let tlsCert, let tlsKey {
                var verification = TLSConfiguration.ClientCertificateVerification.none
                if tlsClientCa != nil {
                    switch tlsClientAuth {
                    case "none": verification = .none
                    case "optional": verification = .optional
                    case "required": verification = .required
                    default: throw ValidationError("--tls-client-auth must be none, optional or required")
                    }
                }
                listeners.append(
                    .tls(
                        host: "127.0.0.1", port: port,
                        .server(
                            certificateChainPath: tlsCert, privateKeyPath: tlsKey, trustRootsPath: tlsClientCa,
                            clientCertificateVerification: verification)))
            } else {
                listeners.append(.tcp(host: "127.0.0.1", port: port))
            }
        }
        guard !listeners.isEmpty else { throw ValidationError("give --socket and/or --port") }
        let logger = Logger(label: "tilts-interop-server")
        let health = HealthStatusRegistry()
        let maxReceive = maxReceiveMessageSize
        let server = GRPCServer(
            config: .defaults {
                $0.listeners = listeners
                $0.maxReceiveMessageSize = maxReceive
            },
            services: [TestService(), HealthService(registry: health)], logger: logger)
        let service = GRPCServerService(
            server: server, health: health, servingNames: ["", "grpc.testing.TestService"], logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
