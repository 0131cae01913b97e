internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl waiting-list`: the centre's queue with the earliest free place per child.
struct WaitingListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waiting-list", abstract: "Show the waiting list (centre).")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "As of this day (YYYY-MM-DD; default today).")
    var asOf: String = ""

    func run() async throws {
        var request = GetWaitingListRequest()
        request.asOf = asOf
        try await gateway.run { client in
            let list: WaitingList = try await client.call(ReferralCommand.service, "GetWaitingList", request)
            client.emit(list) { list in
                var table = Table(["POS", "REFERRAL", "MUNICIPALITY", "URGENT", "RECEIVED", "REQUESTED", "PRE-PLACEMENT", "EARLIEST PLACE"])
                for entry in list.entries {
                    table.add([
                        String(entry.position), entry.referralID, entry.municipality, entry.urgent ? "yes" : "no",
                        entry.receivedOn, entry.requestedLength.description, entry.prePlacementMeetingHeld ? "held" : "no",
                        entry.earliestPlaceOn,
                    ])
                }
                return "as of \(list.asOf): \(list.inCourse) of \(list.capacity) places in use\n" + table.text
            }
        }
    }
}
