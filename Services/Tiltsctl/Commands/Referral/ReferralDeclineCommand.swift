internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl referral decline ID --reason …` (the centre, before admission).
struct ReferralDeclineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decline", abstract: "Decline a referral (centre).")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The referral id.")
    var referralID: String

    @Option(help: "Why it is declined.")
    var reason: String

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = DeclineReferralRequest()
        request.requestID = Input.requestID(requestID)
        request.referralID = referralID
        request.reason = reason
        try await gateway.run { client in
            let referral: Referral = try await client.call(ReferralCommand.service, "DeclineReferral", request)
            client.emit(referral) { ReferralCommand.detail($0) }
        }
    }
}
