internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting minutes --file request.json`: RecordMinutes.
struct MeetingMinutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "minutes", abstract: "Record or finalise minutes from a JSON file (RecordMinutesRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(RecordMinutesRequest.self)
        try await gateway.run { client in
            let meeting: Meeting = try await client.call(MeetingCommand.service, "RecordMinutes", request)
            client.emit(meeting) { MeetingCommand.detail($0) }
        }
    }
}
