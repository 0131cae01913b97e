internal import ArgumentParser
internal import TiltsMessages
internal import TiltsServiceKit
internal import TiltsWire

/// `tilts-gateway token list`: the tokens in the store, one per line (never the tokens themselves).
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens.")

    @OptionGroup var options: ServiceOptions

    @Flag(help: "Include revoked tokens.")
    var all = false

    func run() async throws {
        let (database, _) = try TokenCommand.openStore(options)
        let includeRevoked = all
        let rows = try await database.read { db in
            try TokenStore.list(includeRevoked: includeRevoked, pageSize: 100_000, after: nil, db)
        }
        for row in rows {
            let info = row.info
            let state = row.revokedAtMicros != nil ? "revoked" : (row.isUsable(atMicros: GatewayClock.system.wallMicros()) ? "active" : "expired")
            print("\(info.tokenID)  \(info.institution)  \(info.municipality.isEmpty ? "-" : info.municipality)  \(state)  expires \(info.expiresAt.map(\.rfc3339) ?? "-")  \(info.displayName)")
        }
    }
}
