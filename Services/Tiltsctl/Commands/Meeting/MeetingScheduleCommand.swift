internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting schedule --file request.json`: ScheduleMeeting.
struct MeetingScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schedule", abstract: "Schedule a meeting from a JSON file (ScheduleMeetingRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(ScheduleMeetingRequest.self)
        try await gateway.run { client in
            let meeting: Meeting = try await client.call(MeetingCommand.service, "ScheduleMeeting", request)
            client.emit(meeting) { MeetingCommand.detail($0) }
        }
    }
}
