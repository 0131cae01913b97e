internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment plan CASE [--version N]`.
struct AssessmentPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Show a case's rehabilitation plan.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The case id.")
    var caseID: String

    @Option(help: "The version (default: the latest the caller may see).")
    var version: Int32 = 0

    func run() async throws {
        var request = GetPlanRequest()
        request.caseID = caseID
        request.version = version
        try await gateway.run { client in
            let plan: RehabilitationPlan = try await client.call(AssessmentCommand.service, "GetPlan", request)
            client.emit(plan) { AssessmentCommand.plan($0) }
        }
    }
}
