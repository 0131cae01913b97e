internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment observe --file request.json`: RecordObservation.
struct AssessmentObserveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "observe", abstract: "Record a mapping observation from a JSON file (RecordObservationRequest).")

    @OptionGroup var gateway: GatewayOptions
    @OptionGroup var input: FileRequestOptions

    func run() async throws {
        let request = try input.load(RecordObservationRequest.self)
        try await gateway.run { client in
            let response: MappingObservation = try await client.call(AssessmentCommand.service, "RecordObservation", request)
            client.emit(response) { Table.fields([("observation", $0.observationID), ("case", $0.caseID), ("observed on", $0.observedOn), ("course day", String($0.courseDay)), ("area", $0.area.description)]) }
        }
    }
}
