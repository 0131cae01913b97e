internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment service-types`: the social rehabilitation service catalogue.
struct AssessmentServiceTypesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "service-types", abstract: "List rehabilitation service types.")

    @OptionGroup var gateway: GatewayOptions

    func run() async throws {
        try await gateway.run { client in
            var response = ListServiceTypesResponse()
            var request = ListServiceTypesRequest()
            request.pageSize = 500
            repeat {
                let page: ListServiceTypesResponse = try await client.call(AssessmentCommand.service, "ListServiceTypes", request)
                response.serviceTypes += page.serviceTypes
                request.pageToken = page.nextPageToken
            } while !request.pageToken.isEmpty
            client.emit(response) { response in
                var table = Table(["CODE", "NAME"])
                for type in response.serviceTypes { table.add([type.code, type.nameLv]) }
                return table.text
            }
        }
    }
}
