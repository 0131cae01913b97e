internal import ArgumentParser
internal import TiltsHealth
internal import TiltsMessages
internal import TiltsRPC

/// `tiltsctl health`: the gateway's aggregated health and each routed service's.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Show the gateway's health and that of the services behind it.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "Check only this service (\"\" for the gateway as a whole).")
    var service: String?

    static let services = [
        "", "tilts.referral.v1.ReferralService", "tilts.meeting.v1.MeetingService", "tilts.assessment.v1.AssessmentService",
        "tilts.reporting.v1.ReportingService", GatewayAPI.auditServiceName, GatewayAPI.adminServiceName,
    ]

    func run() async throws {
        let names = service.map { [$0] } ?? Self.services
        var notServing = false
        try await gateway.run { client in
            var table = Table(["SERVICE", "STATUS"])
            var statuses: [(String, HealthCheckResponse.ServingStatus)] = []
            for name in names {
                do {
                    let response: HealthCheckResponse = try await client.call(
                        "grpc.health.v1.Health", "Check", HealthCheckRequest(service: name))
                    statuses.append((name, response.status))
                } catch let error as RPCError where error.code == .notFound && service == nil {
                    continue  // not routed by this gateway
                }
            }
            for (name, status) in statuses {
                table.add([name.isEmpty ? "(gateway)" : name, status.description])
                if status != .serving { notServing = true }
            }
            if client.json {
                for (name, status) in statuses {
                    print("{\"service\":\"\(name)\",\"status\":\"\(status)\"}")
                }
            } else {
                print(table.text)
            }
        }
        if notServing { throw ExitCode(3) }
    }
}
