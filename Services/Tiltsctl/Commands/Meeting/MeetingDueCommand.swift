internal import ArgumentParser
internal import TiltsMessages

/// `tiltsctl meeting due`: each required meeting with its window and status, and actions past due.
struct MeetingDueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "Show required meetings (due, held, missed) and agreed actions past due.")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "As of this day (YYYY-MM-DD; default today).")
    var asOf: String = ""

    @Option(name: .customLong("case"), help: "Only this case.")
    var caseID: String = ""

    @Flag(help: "Only what is overdue.")
    var overdueOnly = false

    func run() async throws {
        var request = ListDueAndOverdueRequest()
        request.asOf = asOf
        request.caseID = caseID
        request.overdueOnly = overdueOnly
        try await gateway.run { client in
            let response: ListDueAndOverdueResponse = try await client.call(MeetingCommand.service, "ListDueAndOverdue", request)
            client.emit(response) { response in
                var table = Table(["KIND", "CASE", "REFERRAL", "MUNICIPALITY", "WINDOW", "STATUS", "OVERDUE", "MEETING"])
                for requirement in response.requirements {
                    table.add([
                        requirement.kind.description, requirement.caseID, requirement.referralID, requirement.municipality,
                        requirement.window.map { "\($0.first) … \($0.last)" } ?? "", requirement.status.description,
                        requirement.overdue ? "yes" : "no", requirement.meetingID,
                    ])
                }
                var text = "as of \(response.asOf)\n" + table.text
                if !response.overdueActions.isEmpty {
                    var actions = Table(["MEETING", "CASE", "ACTION", "DUE", "DAYS PAST DUE"])
                    for overdue in response.overdueActions {
                        actions.add([overdue.meetingID, overdue.caseID, overdue.action?.actionID ?? "", overdue.action?.dueOn ?? "", String(overdue.daysPastDue)])
                    }
                    text += "\n\nagreed actions past due\n" + actions.text
                }
                return text
            }
        }
    }
}
