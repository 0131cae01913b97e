internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl case terminate ID --reason RAN_AWAY --on DAY` (the centre).
struct CaseTerminateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terminate", abstract: "End a course early (centre).")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The case id.")
    var caseID: String

    @Option(help: "FINISHED_EARLY, CHANGE_OF_REHABILITATION_TYPE, HEALTH_WORSENED, CHILD_OR_PARENTS_DECISION, RAN_AWAY, BROKE_THE_RULES or OTHER.")
    var reason: String

    @Option(help: "The last day of the course (YYYY-MM-DD).")
    var on: String

    @Option(help: "A note.")
    var note: String = ""

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = TerminateCaseRequest()
        request.requestID = Input.requestID(requestID)
        request.caseID = caseID
        request.reason = try Input.enumValues(TerminationReason.self, [reason], option: "--reason")[0]
        request.terminatedOn = on
        request.note = note
        try await gateway.run { client in
            let value: Case = try await client.call(CaseCommand.service, "TerminateCase", request)
            client.emit(value) { CaseCommand.detail($0) }
        }
    }
}
