internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment instruments`: the assessment instruments (versioned data).
struct AssessmentInstrumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "instruments", abstract: "List assessment instruments.")

    @OptionGroup var gateway: GatewayOptions

    func run() async throws {
        try await gateway.run { client in
            var response = ListInstrumentsResponse()
            var request = ListInstrumentsRequest()
            request.pageSize = 100
            repeat {
                let page: ListInstrumentsResponse = try await client.call(AssessmentCommand.service, "ListInstruments", request)
                response.instruments += page.instruments
                request.pageToken = page.nextPageToken
            } while !request.pageToken.isEmpty
            client.emit(response) { response in
                var table = Table(["INSTRUMENT", "VERSION", "AREAS", "ITEMS", "NAME"])
                for instrument in response.instruments {
                    table.add([instrument.instrumentID, String(instrument.version), String(instrument.areas.count), String(instrument.items.count), instrument.name])
                }
                return table.text
            }
        }
    }
}
