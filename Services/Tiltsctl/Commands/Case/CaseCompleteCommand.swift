internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl case complete ID --on DAY` (the centre; needs the final summary issued).
struct CaseCompleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Complete a course (centre).")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The case id.")
    var caseID: String

    @Option(help: "The day the course is completed (YYYY-MM-DD).")
    var on: String

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = CompleteCaseRequest()
        request.requestID = Input.requestID(requestID)
        request.caseID = caseID
        request.completedOn = on
        try await gateway.run { client in
            let value: Case = try await client.call(CaseCommand.service, "CompleteCase", request)
            client.emit(value) { CaseCommand.detail($0) }
        }
    }
}
