internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting action-done MEETING ACTION [--on DAY]`.
struct MeetingActionDoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action-done", abstract: "Mark an agreed action done.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The meeting id.")
    var meetingID: String

    @Argument(help: "The action id.")
    var actionID: String

    @Option(help: "The day it was done (YYYY-MM-DD; default today).")
    var on: String = ""

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = CompleteAgreedActionRequest()
        request.requestID = Input.requestID(requestID)
        request.meetingID = meetingID
        request.actionID = actionID
        request.doneOn = on
        try await gateway.run { client in
            let meeting: Meeting = try await client.call(MeetingCommand.service, "CompleteAgreedAction", request)
            client.emit(meeting) { MeetingCommand.detail($0) }
        }
    }
}
