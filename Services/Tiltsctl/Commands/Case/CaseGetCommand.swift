internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl case get ID`.
struct CaseGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one case with its timeline.")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The case id.")
    var caseID: String

    func run() async throws {
        var request = GetCaseRequest()
        request.caseID = caseID
        try await gateway.run { client in
            let value: Case = try await client.call(CaseCommand.service, "GetCase", request)
            client.emit(value) { CaseCommand.detail($0) }
        }
    }
}
