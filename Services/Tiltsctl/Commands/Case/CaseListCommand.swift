internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl case list`: the cases the caller may see.
struct CaseListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "Only this municipality.")
    var municipality: String = ""

    @Option(help: "IN_COURSE, COMPLETED or TERMINATED_EARLY; repeat for more.")
    var status: [String] = []

    @Option(help: "Cases per page.")
    var pageSize: Int32 = 100

    @Option(help: "The next_page_token of a previous page.")
    var pageToken: String = ""

    @Flag(help: "Fetch every page.")
    var all = false

    func run() async throws {
        var request = ListCasesRequest(municipality: municipality, pageSize: pageSize, pageToken: pageToken)
        request.statuses = try Input.enumValues(CaseStatus.self, status, option: "--status")
        try await gateway.run { client in
            var response = ListCasesResponse()
            repeat {
                let page: ListCasesResponse = try await client.call(CaseCommand.service, "ListCases", request)
                response.cases += page.cases
                response.nextPageToken = page.nextPageToken
                request.pageToken = page.nextPageToken
            } while all && !request.pageToken.isEmpty
            client.emit(response) { response in
                CaseCommand.table(response.cases)
                    + (response.nextPageToken.isEmpty ? "" : "\nnext page: --page-token \(response.nextPageToken)")
            }
        }
    }
}
