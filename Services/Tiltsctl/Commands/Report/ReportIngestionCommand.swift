internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl report ingestion`: how far the reporting service has read each event stream (operator).
struct ReportIngestionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingestion", abstract: "Show the reporting service's position in each event stream (local operator).")

    @OptionGroup var gateway: GatewayOptions

    func run() async throws {
        try await gateway.run { client in
            let status: IngestionStatus = try await client.call(ReportCommand.service, "GetIngestionStatus", GetIngestionStatusRequest())
            client.emit(status) { status in
                var table = Table(["SOURCE", "SEQUENCE"])
                for stream in status.streams { table.add([stream.source, String(stream.sequence)]) }
                return table.text + "\n\nreferrals \(status.referrals), cases \(status.cases)"
            }
        }
    }
}
