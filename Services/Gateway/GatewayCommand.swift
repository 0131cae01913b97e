internal import ArgumentParser
internal import TiltsServiceKit

/// `tilts-gateway`: The one door for municipal systems: TLS, authentication, audit, routing.
///
/// Serves gRPC on a Unix socket with `grpc.health.v1.Health`; its API arrives with its issue.
@main
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tilts-gateway", abstract: "The one door for municipal systems: TLS, authentication, audit, routing.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "tilts-gateway", options: options)
        try await runner.run(serviceName: nil, services: [])
    }
}
