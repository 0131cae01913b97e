internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting reschedule --file request.json`: RescheduleMeeting.
struct MeetingRescheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reschedule", abstract: "Move a meeting, from a JSON file (RescheduleMeetingRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(RescheduleMeetingRequest.self)
        try await gateway.run { client in
            let meeting: Meeting = try await client.call(MeetingCommand.service, "RescheduleMeeting", request)
            client.emit(meeting) { MeetingCommand.detail($0) }
        }
    }
}
