internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting cancel ID --reason …`.
struct MeetingCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Call a scheduled meeting off.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The meeting id.")
    var meetingID: String

    @Option(help: "Why it is called off.")
    var reason: String

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = CancelMeetingRequest()
        request.requestID = Input.requestID(requestID)
        request.meetingID = meetingID
        request.reason = reason
        try await gateway.run { client in
            let meeting: Meeting = try await client.call(MeetingCommand.service, "CancelMeeting", request)
            client.emit(meeting) { MeetingCommand.detail($0) }
        }
    }
}
