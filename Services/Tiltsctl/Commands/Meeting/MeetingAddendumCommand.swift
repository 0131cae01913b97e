internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting addendum ID --text …`: a correction to finalised minutes.
struct MeetingAddendumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "addendum", abstract: "Append a correction to finalised minutes.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The meeting id.")
    var meetingID: String

    @Option(help: "The correction.")
    var text: String

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = AddMinutesAddendumRequest()
        request.requestID = Input.requestID(requestID)
        request.meetingID = meetingID
        request.text = text
        try await gateway.run { client in
            let meeting: Meeting = try await client.call(MeetingCommand.service, "AddMinutesAddendum", request)
            client.emit(meeting) { MeetingCommand.detail($0) }
        }
    }
}
