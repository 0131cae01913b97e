internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl token …`: bearer tokens, through AdminService on the gateway's local socket.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue, revoke and list bearer tokens (local operator, --socket).",
        subcommands: [TokenIssueCommand.self, TokenRevokeCommand.self, TokenListCommand.self])

    static let service = GatewayAPI.adminServiceName

    static func table(_ tokens: [TokenInfo]) -> String {
        var table = Table(["ID", "INSTITUTION", "MUNICIPALITY", "NAME", "ROLES", "EXPIRES", "STATE"])
        for token in tokens {
            let state = token.revokedAt != nil ? "revoked" : "active"
            table.add([
                token.tokenID, token.institution.description, token.municipality, token.displayName,
                token.roles.joined(separator: ","), token.expiresAt.text, state,
            ])
        }
        return table.text
    }
}
