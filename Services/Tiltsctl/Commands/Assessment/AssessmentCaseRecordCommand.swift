internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl assessment case-record CASE`: everything the assessment service holds about a case.
struct AssessmentCaseRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case-record", abstract: "Summarise everything the assessment service holds about a case (centre).")

    @OptionGroup var gateway: GatewayOptions

    @Argument(help: "The case id.")
    var caseID: String

    func run() async throws {
        var request = GetCaseRecordRequest()
        request.caseID = caseID
        try await gateway.run { client in
            let record: AssessmentCaseRecord = try await client.call(AssessmentCommand.service, "GetCaseRecord", request)
            client.emit(record) { record in
                var assessments = Table(["ASSESSMENT", "TIME POINT", "ASSESSED ON", "INSTRUMENT"])
                for value in record.assessments {
                    assessments.add([value.assessmentID, value.timePoint.description, value.assessedOn, "\(value.instrumentID) v\(value.instrumentVersion)"])
                }
                return Table.fields([
                    ("case", record.caseID), ("municipality", record.municipality), ("status", record.status.description),
                    ("ended", record.endedOn), ("meetings held", String(record.meetings.count)),
                    ("observations", String(record.observations.count)), ("plan versions", String(record.planVersions.count)),
                    ("sessions", String(record.sessions.count)), ("final summary", record.finalSummary?.issuedOn ?? "not issued"),
                ]) + "\n\n" + assessments.text
            }
        }
    }
}
