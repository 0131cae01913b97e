internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting list`: meetings the caller may see, filtered.
struct MeetingListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings.")

    @OptionGroup var gateway: GatewayOptions

    @Option(name: .customLong("case"), help: "Only this case's meetings.")
    var caseID: String = ""

    @Option(name: .customLong("referral"), help: "Only this referral's meetings.")
    var referralID: String = ""

    @Option(help: "PRE_PLACEMENT, MEETING_1, MEETING_2, MEETING_3 or QUARTERLY_REVIEW; repeat for more.")
    var kind: [String] = []

    @Option(help: "SCHEDULED, MINUTES_DRAFT, HELD or CANCELLED; repeat for more.")
    var status: [String] = []

    @Option(help: "Scheduled on or after this day (YYYY-MM-DD).")
    var from: String = ""

    @Option(help: "Scheduled on or before this day (YYYY-MM-DD).")
    var to: String = ""

    @Option(help: "Only this municipality.")
    var municipality: String = ""

    @Option(help: "Meetings per page.")
    var pageSize: Int32 = 100

    @Flag(help: "Fetch every page.")
    var all = false

    func run() async throws {
        var request = ListMeetingsRequest()
        request.caseID = caseID
        request.referralID = referralID
        request.kinds = try Input.enumValues(MeetingKind.self, kind, option: "--kind")
        request.statuses = try Input.enumValues(MeetingStatus.self, status, option: "--status")
        request.scheduledFrom = from
        request.scheduledTo = to
        request.municipality = municipality
        request.pageSize = pageSize
        try await gateway.run { client in
            var response = ListMeetingsResponse()
            repeat {
                let page: ListMeetingsResponse = try await client.call(MeetingCommand.service, "ListMeetings", request)
                response.meetings += page.meetings
                response.nextPageToken = page.nextPageToken
                request.pageToken = page.nextPageToken
            } while all && !request.pageToken.isEmpty
            client.emit(response) { response in
                MeetingCommand.table(response.meetings)
                    + (response.nextPageToken.isEmpty ? "" : "\nmore: add --all")
            }
        }
    }
}
