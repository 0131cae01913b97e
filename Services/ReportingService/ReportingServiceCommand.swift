internal import ArgumentParser
internal import TiltsServiceKit

/// `reporting-service`: De-identified evaluation, quarterly and operational reports.
///
/// Serves gRPC on a Unix socket with `grpc.health.v1.Health`; its API arrives with its issue.
@main
struct ReportingServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reporting-service", abstract: "De-identified evaluation, quarterly and operational reports.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "reporting-service", options: options)
        try await runner.run(serviceName: nil, services: [])
    }
}
