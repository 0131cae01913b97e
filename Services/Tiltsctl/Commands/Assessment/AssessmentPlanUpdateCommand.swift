internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment plan-update --file request.json`: UpdatePlan.
struct AssessmentPlanUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan-update", abstract: "Replace the open draft's goals and interventions from a JSON file (UpdatePlanRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(UpdatePlanRequest.self)
        try await gateway.run { client in
            let response: RehabilitationPlan = try await client.call(AssessmentCommand.service, "UpdatePlan", request)
            client.emit(response) { AssessmentCommand.plan($0) }
        }
    }
}
