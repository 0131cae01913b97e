internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting get ID`.
struct MeetingGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one meeting.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The meeting id.")
    var meetingID: String

    func run() async throws {
        var request = GetMeetingRequest()
        request.meetingID = meetingID
        try await gateway.run { client in
            let meeting: Meeting = try await client.call(MeetingCommand.service, "GetMeeting", request)
            client.emit(meeting) { MeetingCommand.detail($0) }
        }
    }
}
