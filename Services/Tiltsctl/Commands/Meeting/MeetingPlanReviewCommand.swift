internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting plan-review --file request.json`: PlanQuarterlyReview.
struct MeetingPlanReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan-review", abstract: "Plan a pilot quarter's review from a JSON file (PlanQuarterlyReviewRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(PlanQuarterlyReviewRequest.self)
        try await gateway.run { client in
            let meeting: Meeting = try await client.call(MeetingCommand.service, "PlanQuarterlyReview", request)
            client.emit(meeting) { MeetingCommand.detail($0) }
        }
    }
}
