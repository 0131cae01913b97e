internal import ArgumentParser
internal import Foundation
internal import Logging
internal import TiltsServiceKit
internal import TiltsStore

/// `tilts-gateway token …`: token administration straight in the gateway's store, for bootstrap
/// and development (deploy/local/up mints its demo tokens this way). In production use
/// `tiltsctl token …` against the running gateway's local socket (AdminService), which also
/// revokes at once rather than within `token_cache_seconds`.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue, revoke and list bearer tokens directly in the gateway's store.",
        subcommands: [TokenIssueCommand.self, TokenRevokeCommand.self, TokenListCommand.self])

    /// Opens the store the gateway configured by `options` uses.
    static func openStore(_ options: ServiceOptions) throws -> (ServiceDatabase, GatewaySettings) {
        let configuration = try ServiceConfiguration(name: "tilts-gateway", options: options)
        let settings = try GatewaySettings(configuration)
        try FileManager.default.createDirectory(
            atPath: settings.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var logger = Logger(label: "tilts-gateway.token")
        logger.logLevel = .warning
        let database = try ServiceDatabase(path: settings.databasePath, migrator: GatewaySchema.migrator, logger: logger)
        return (database, settings)
    }
}
