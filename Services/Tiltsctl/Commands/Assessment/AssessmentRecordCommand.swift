internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment record --file request.json`: RecordAssessment.
struct AssessmentRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record item ratings at a time point from a JSON file (RecordAssessmentRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(RecordAssessmentRequest.self)
        try await gateway.run { client in
            let response: Assessment = try await client.call(AssessmentCommand.service, "RecordAssessment", request)
            client.emit(response) { AssessmentCommand.assessment($0) }
        }
    }
}
