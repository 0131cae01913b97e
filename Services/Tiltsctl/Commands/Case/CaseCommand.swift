internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl case …`: admitted children's courses.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Admit, read, list, terminate and complete cases.",
        subcommands: [
            CaseAdmitCommand.self, CaseGetCommand.self, CaseListCommand.self, CaseTerminateCommand.self,
            CaseCompleteCommand.self,
        ])

    static let service = ReferralAPI.serviceName

    static func table(_ cases: [Case]) -> String {
        var table = Table(["CASE", "REFERRAL", "STATUS", "MUNICIPALITY", "ADMITTED", "DAYS", "LAST DAY", "ENDED"])
        for value in cases {
            table.add([
                value.caseID, value.referralID, value.status.description, value.municipality,
                value.timeline?.admissionDate ?? "", value.timeline.map { String($0.courseLengthDays) } ?? "",
                value.timeline?.lastDay ?? "", value.endedOn,
            ])
        }
        return table.text
    }

    static func detail(_ value: Case) -> String {
        let timeline = value.timeline ?? Timeline()
        func window(_ window: DateWindow?) -> String { window.map { "\($0.first) … \($0.last)" } ?? "" }
        return Table.fields([
            ("case", value.caseID), ("referral", value.referralID), ("status", value.status.description),
            ("municipality", value.municipality), ("allocation", value.allocationMethod.description),
            ("admitted", timeline.admissionDate), ("course", timeline.courseLengthDays == 0 ? "" : "\(timeline.courseLengthDays) days"),
            ("mapping until", timeline.mappingEnd), ("meeting 1", window(timeline.meeting1)),
            ("meeting 2", window(timeline.meeting2)), ("meeting 3", window(timeline.meeting3)),
            ("last day", timeline.lastDay),
            ("deviations", value.deviations.map(\.kind).joined(separator: ", ")),
            ("final summary", value.finalSummaryIssuedOn),
            ("ended", value.endedOn.isEmpty ? "" : "\(value.endedOn) \(value.terminationReason == .unspecified ? "" : value.terminationReason.description)"),
        ])
    }
}
