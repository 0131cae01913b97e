internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl token issue`: mints a token; the token is shown this once.
struct TokenIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "issue", abstract: "Mint a bearer token.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "SOCIAL_SERVICE, ORPHANS_COURT, CENTRE, FUND, MINISTRY, CHILD_PROTECTION_CENTRE, POLICE or SCHOOL.")
    var institution: String

    @Option(help: "Municipality code (SOCIAL_SERVICE, ORPHANS_COURT), e.g. riga.")
    var municipality: String = ""

    @Option(help: "Display name of the institution or system.")
    var name: String = ""

    @Option(help: "A role, e.g. dpo; repeat for more.")
    var role: [String] = []

    @Option(help: "Lifetime in seconds (0: the gateway's default).")
    var ttlSeconds: Int64 = 0

    func run() async throws {
        guard let kind = Input.enumValue(InstitutionKind.self, institution) else {
            throw ValidationError("unknown institution '\(institution)'")
        }
        let request = IssueTokenRequest(
            institution: kind, municipality: municipality, displayName: name, roles: role, ttlSeconds: ttlSeconds)
        try await gateway.run { client in
            let response: IssueTokenResponse = try await client.call(TokenCommand.service, "IssueToken", request)
            client.emit(response) { response in
                Table.fields([
                    ("token", response.token), ("id", response.info?.tokenID ?? ""),
                    ("expires", response.info?.expiresAt.text ?? ""),
                    ("note", "the token is shown only now; store it safely"),
                ])
            }
        }
    }
}
