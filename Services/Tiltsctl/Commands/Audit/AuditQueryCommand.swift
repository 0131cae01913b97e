internal import ArgumentParser
internal import TiltsMessages
internal import TiltsWire

/// `tiltsctl audit query`: audit entries by record, caller and period.
struct AuditQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", abstract: "List audit entries by record id, caller subject and period.")

    @OptionGroup var gateway: GatewayOptions

    @Option(name: .customLong("record"), help: "A record id (referral, case, meeting); repeat for more.")
    var records: [String] = []

    @Option(help: "A caller subject, e.g. token:<id> or cert:<subject>.")
    var subject: String = ""

    @Option(help: "From this instant (RFC 3339, e.g. 2026-03-01T00:00:00Z).")
    var from: String?

    @Option(help: "Before this instant (RFC 3339).")
    var to: String?

    @Option(help: "Entries per page; with --all, pages are fetched until the end.")
    var pageSize: Int32 = 100

    @Option(help: "The next_page_token of a previous page.")
    var pageToken: String = ""

    @Flag(help: "Fetch every page.")
    var all = false

    func run() async throws {
        var request = QueryAuditRequest(recordIDs: records, subject: subject, pageSize: pageSize, pageToken: pageToken)
        do {
            request.from = try from.map { try Timestamp(rfc3339: $0) }
            request.to = try to.map { try Timestamp(rfc3339: $0) }
        } catch {
            throw ValidationError("--from and --to are RFC 3339 instants such as 2026-03-01T00:00:00Z")
        }
        try await gateway.run { client in
            var response = QueryAuditResponse()
            repeat {
                let page: QueryAuditResponse = try await client.call(AuditCommand.service, "QueryAudit", request)
                response.entries += page.entries
                response.nextPageToken = page.nextPageToken
                request.pageToken = page.nextPageToken
            } while all && !request.pageToken.isEmpty
            client.emit(response) { response in
                AuditCommand.table(response.entries)
                    + (response.nextPageToken.isEmpty ? "" : "\nnext page: --page-token \(response.nextPageToken)")
            }
        }
    }
}
