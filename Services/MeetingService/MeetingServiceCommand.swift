internal import ArgumentParser
internal import TiltsServiceKit

/// `meeting-service`: Inter-institutional meetings, their windows and minutes.
///
/// Serves gRPC on a Unix socket with `grpc.health.v1.Health`; its API arrives with its issue.
@main
struct MeetingServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting-service", abstract: "Inter-institutional meetings, their windows and minutes.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "meeting-service", options: options)
        try await runner.run(serviceName: nil, services: [])
    }
}
