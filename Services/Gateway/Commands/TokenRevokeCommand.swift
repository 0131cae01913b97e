internal import ArgumentParser
internal import TiltsServiceKit

/// `tilts-gateway token revoke ID`: revokes a token in the store. A running gateway stops
/// accepting it within `token_cache_seconds` (AdminService.RevokeToken is immediate).
struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id.")

    @OptionGroup var options: ServiceOptions

    @Argument(help: "The token id (from `token list`).")
    var tokenID: String

    func run() async throws {
        let (database, _) = try TokenCommand.openStore(options)
        let id = tokenID
        let now = GatewayClock.system.wallMicros()
        guard try await database.write({ db in try TokenStore.revoke(tokenID: id, nowMicros: now, db) }) != nil else {
            throw ValidationError("no token has id \(id)")
        }
        print("revoked \(id)")
    }
}
