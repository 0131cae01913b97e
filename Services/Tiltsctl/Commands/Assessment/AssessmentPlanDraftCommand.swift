internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment plan-draft --file request.json`: DraftPlan.
struct AssessmentPlanDraftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan-draft", abstract: "Draft the rehabilitation plan from a JSON file (DraftPlanRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(DraftPlanRequest.self)
        try await gateway.run { client in
            let response: RehabilitationPlan = try await client.call(AssessmentCommand.service, "DraftPlan", request)
            client.emit(response) { AssessmentCommand.plan($0) }
        }
    }
}
