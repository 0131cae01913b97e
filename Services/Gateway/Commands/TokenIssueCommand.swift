internal import ArgumentParser
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsServiceKit
internal import TiltsWire

/// `tilts-gateway token issue`: mints a token and prints it (once) on standard output.
struct TokenIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Mint a bearer token; prints the token on standard output.")

    @OptionGroup var options: ServiceOptions

    @Option(help: "Institution kind: SOCIAL_SERVICE, ORPHANS_COURT, CENTRE, FUND, MINISTRY, CHILD_PROTECTION_CENTRE, POLICE, SCHOOL.")
    var institution: String

    @Option(help: "Municipality code (required for SOCIAL_SERVICE and ORPHANS_COURT), e.g. riga.")
    var municipality: String = ""

    @Option(help: "Display name of the institution or system using the token.")
    var name: String = ""

    @Option(help: "A role the token carries, e.g. dpo; repeat for more.")
    var role: [String] = []

    @Option(help: "Lifetime: seconds, or a number with s, m, h or d (default: config token_ttl_days).")
    var ttl: String?

    @Flag(help: "Print the IssueTokenResponse as proto3 JSON instead of the bare token.")
    var json = false

    func run() async throws {
        let (database, settings) = try TokenCommand.openStore(options)
        guard let kind = InstitutionKind(protoName: institution.uppercased()) else {
            throw ValidationError("unknown institution '\(institution)'")
        }
        var request = IssueTokenRequest(institution: kind, municipality: municipality, displayName: name, roles: role)
        if let ttl {
            guard let seconds = Self.seconds(ttl) else { throw ValidationError("--ttl must look like 3600, 90d, 12h, 30m or 45s") }
            request.ttlSeconds = seconds
        }
        let seconds: Int64
        do {
            seconds = try settings.tokens.validate(request)
        } catch let error as RPCError {
            throw ValidationError(error.message)
        }
        let issued = try TokenStore.issue(request, ttlSeconds: seconds, createdBy: "bootstrap", nowMicros: GatewayClock.system.wallMicros())
        try await database.write { [record = issued.record] db in try record.insert(db) }
        if json {
            var response = IssueTokenResponse()
            response.token = issued.token
            response.info = issued.record.info
            print(response.jsonString())
        } else {
            print(issued.token)
        }
    }

    /// `90d`, `12h`, `30m`, `45s` or plain seconds.
    static func seconds(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let unit = text.last.flatMap({ units[$0] }) {
            return Int64(text.dropLast()).map { $0 * unit }
        }
        return Int64(text)
    }
}
