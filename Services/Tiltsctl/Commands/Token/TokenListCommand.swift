internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl token list`: every token (never the tokens themselves).
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens.")

    @OptionGroup var gateway: GatewayOptions

    @Flag(help: "Include revoked tokens.")
    var all = false

    func run() async throws {
        try await gateway.run { client in
            var response = ListTokensResponse()
            var request = ListTokensRequest(includeRevoked: all, pageSize: 500)
            repeat {
                let page: ListTokensResponse = try await client.call(TokenCommand.service, "ListTokens", request)
                response.tokens += page.tokens
                request.pageToken = page.nextPageToken
            } while !request.pageToken.isEmpty
            client.emit(response) { TokenCommand.table($0.tokens) }
        }
    }
}
