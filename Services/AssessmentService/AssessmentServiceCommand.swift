internal import ArgumentParser
internal import TiltsServiceKit

/// `assessment-service`: Mapping, rehabilitation plans, sessions and final summaries.
///
/// Serves gRPC on a Unix socket with `grpc.health.v1.Health`; its API arrives with its issue.
@main
struct AssessmentServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment-service", abstract: "Mapping, rehabilitation plans, sessions and final summaries.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "assessment-service", options: options)
        try await runner.run(serviceName: nil, services: [])
    }
}
