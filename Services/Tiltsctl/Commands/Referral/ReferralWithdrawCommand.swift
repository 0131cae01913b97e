internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl referral withdraw ID --reason …` (the social service, before admission).
struct ReferralWithdrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw a referral (SD).")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The referral id.")
    var referralID: String

    @Option(help: "Why it is withdrawn.")
    var reason: String

    @Option(help: "Idempotency key (default: a new UUID).")
    var requestID: String?

    func run() async throws {
        var request = WithdrawReferralRequest()
        request.requestID = Input.requestID(requestID)
        request.referralID = referralID
        request.reason = reason
        try await gateway.run { client in
            let referral: Referral = try await client.call(ReferralCommand.service, "WithdrawReferral", request)
            client.emit(referral) { ReferralCommand.detail($0) }
        }
    }
}
