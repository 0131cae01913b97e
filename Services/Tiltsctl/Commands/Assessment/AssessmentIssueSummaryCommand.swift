internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment issue-summary --file request.json`: IssueFinalSummary.
struct AssessmentIssueSummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "issue-summary", abstract: "Issue the final summary from a JSON file (IssueFinalSummaryRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(IssueFinalSummaryRequest.self)
        try await gateway.run { client in
            let response: FinalSummary = try await client.call(AssessmentCommand.service, "IssueFinalSummary", request)
            client.emit(response) { AssessmentCommand.summary($0) }
        }
    }
}
