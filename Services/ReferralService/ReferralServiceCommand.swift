internal import ArgumentParser
internal import TiltsServiceKit

/// `referral-service`: Referrals, admissions and cases of the pilot.
///
/// Serves gRPC on a Unix socket with `grpc.health.v1.Health`; its API arrives with its issue.
@main
struct ReferralServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral-service", abstract: "Referrals, admissions and cases of the pilot.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let runner = try ServiceRunner(name: "referral-service", options: options)
        try await runner.run(serviceName: nil, services: [])
    }
}
