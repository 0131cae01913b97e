internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl referral get ID`.
struct ReferralGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one referral.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The referral id.")
    var referralID: String

    func run() async throws {
        try await gateway.run { client in
            let referral: Referral = try await client.call(
                ReferralCommand.service, "GetReferral", GetReferralRequest(referralID: referralID))
            client.emit(referral) { ReferralCommand.detail($0) }
        }
    }
}
