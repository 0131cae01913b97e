internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl token revoke ID`: calls with the token fail from now on.
struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The token id.")
    var tokenID: String

    func run() async throws {
        try await gateway.run { client in
            let info: TokenInfo = try await client.call(TokenCommand.service, "RevokeToken", RevokeTokenRequest(tokenID: tokenID))
            client.emit(info) { TokenCommand.table([$0]) }
        }
    }
}
