internal import ArgumentParser
internal import Foundation
internal import TiltsMessages

/// `tiltsctl meeting calendar ID [--output FILE]`: the meeting's iCalendar invitation.
struct MeetingCalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Export a meeting's iCalendar (.ics) invitation.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The meeting id.")
    var meetingID: String

    @Flag(help: "Times in UTC instead of Europe/Riga.")
    var utc = false

    @Option(help: "Write the .ics here instead of standard output.")
    var output: String?

    func run() async throws {
        var request = ExportCalendarRequest()
        request.meetingID = meetingID
        request.utc = utc
        try await gateway.run { client in
            let response: ExportCalendarResponse = try await client.call(MeetingCommand.service, "ExportCalendar", request)
            if let output, !client.json {
                try Data(response.ics.utf8).write(to: URL(fileURLWithPath: output))
                print("wrote \(output)")
            } else {
                client.emit(response) { $0.ics }
            }
        }
    }
}
