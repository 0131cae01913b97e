internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment summary CASE`: the final summary with the dynamics per area.
struct AssessmentSummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: "Show a case's final summary.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The case id.")
    var caseID: String

    func run() async throws {
        var request = GetFinalSummaryRequest()
        request.caseID = caseID
        try await gateway.run { client in
            let summary: FinalSummary = try await client.call(AssessmentCommand.service, "GetFinalSummary", request)
            client.emit(summary) { AssessmentCommand.summary($0) }
        }
    }
}
