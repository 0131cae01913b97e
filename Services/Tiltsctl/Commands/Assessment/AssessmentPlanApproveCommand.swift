internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment plan-approve CASE --version N`.
struct AssessmentPlanApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan-approve", abstract: "Approve the plan's draft (needs the meeting that approved it held).")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The case id.")
    var caseID: String

    @Option(help: "The draft version to approve.")
    var version: Int32

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = ApprovePlanRequest()
        request.requestID = Input.requestID(requestID)
        request.caseID = caseID
        request.version = version
        try await gateway.run { client in
            let plan: RehabilitationPlan = try await client.call(AssessmentCommand.service, "ApprovePlan", request)
            client.emit(plan) { AssessmentCommand.plan($0) }
        }
    }
}
