internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl referral list`: the referrals the caller may see, filtered.
struct ReferralListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List referrals.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "Only this municipality.")
    var municipality: String = ""

    @Option(help: "RECEIVED, PRE_PLACEMENT_MEETING_HELD, ADMITTED, WITHDRAWN or DECLINED; repeat for more.")
    var status: [String] = []

    @Option(help: "Received on or after this day (YYYY-MM-DD).")
    var from: String = ""

    @Option(help: "Received on or before this day (YYYY-MM-DD).")
    var to: String = ""

    @Option(help: "Referrals per page.")
    var pageSize: Int32 = 100

    @Option(help: "The next_page_token of a previous page.")
    var pageToken: String = ""

    @Flag(help: "Fetch every page.")
    var all = false

    func run() async throws {
        var request = ListReferralsRequest()
        request.municipality = municipality
        request.statuses = try Input.enumValues(ReferralStatus.self, status, option: "--status")
        request.receivedFrom = from
        request.receivedTo = to
        request.pageSize = pageSize
        request.pageToken = pageToken
        try await gateway.run { client in
            var response = ListReferralsResponse()
            repeat {
                let page: ListReferralsResponse = try await client.call(ReferralCommand.service, "ListReferrals", request)
                response.referrals += page.referrals
                response.nextPageToken = page.nextPageToken
                request.pageToken = page.nextPageToken
            } while all && !request.pageToken.isEmpty
            client.emit(response) { response in
                ReferralCommand.table(response.referrals)
                    + (response.nextPageToken.isEmpty ? "" : "\nnext page: --page-token \(response.nextPageToken)")
            }
        }
    }
}
